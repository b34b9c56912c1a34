package dev.dynlat.predictor.cli;

import dev.dynlat.reports.io.OutputSet;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Where a command's {@code -} or {@code /dev/stdout} output goes: the command line's own output writer. */
final class CliOutputs {
    private CliOutputs() {
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
