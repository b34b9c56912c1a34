package dev.dynlat.predictor.cli;

import dev.dynlat.reports.io.OutputSet;
import dev.dynlat.reports.io.OutputTarget;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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

    /** A command's one text output, computed once its {@code --out} file has been accepted. */
    @FunctionalInterface
    interface Text {
        String get() throws IOException;
    }

    /**
     * A command with one text output: accepts {@code --out} FILE (standard output when null) before
     * computing {@code text}, then writes it as {@link #emit(CommandLine.Model.CommandSpec, OutputSet,
     * OutputTarget, String)} does.
     */
    static void emit(CommandLine.Model.CommandSpec spec, Path out, Text text) throws IOException {
        try (OutputSet outputs = new OutputSet()) {
            OutputTarget target = out == null ? null : outputs.add("--out", out);
            emit(spec, outputs, target, text.get());
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
