package dev.dynlat.predictor.cli;

import dev.dynlat.reports.io.OutputSet;
import dev.dynlat.reports.io.OutputTarget;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Where a command's {@code -} or {@code /dev/stdout} output goes: the command line's own output writer. */
final class CliOutputs {
    private CliOutputs() {
    }

    /**
     * Writes {@code text} to {@code target} through {@code outputs} (prepare, then commit), or to the
     * command's standard output when no target was given.
     */
    static void emit(CommandLine.Model.CommandSpec spec, OutputSet outputs, OutputTarget target, String text)
            throws IOException {
        if (target == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        } else {
            outputs.prepareText(target, text);
            outputs.commit(stdout(spec));
        }
    }

    /** The command's standard output as a sink for {@link OutputSet#commit}. */
    static OutputSet.StandardOutput stdout(CommandLine.Model.CommandSpec spec) {
        return bytes -> {
            PrintWriter w = spec.commandLine().getOut();
            w.print(new String(bytes, StandardCharsets.UTF_8));
            w.flush();
        };
    }
}
