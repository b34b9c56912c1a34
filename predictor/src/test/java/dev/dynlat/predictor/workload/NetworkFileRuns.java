package dev.dynlat.predictor.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.predictor.cli.DynlatCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The CLI runs that the network-file error tests share. */
final class NetworkFileRuns {
    private NetworkFileRuns() {
    }

    record Run(int code, String out, String err) {
    }

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DynlatCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    /**
     * Writes {@code text} as a network file and predicts from it: exit code 2, every fragment in
     * the message, the file named, no stack trace and no output written.
     */
    static void assertRejectedWithNoOutput(Path tmp, String name, String text, List<String> fragments)
            throws IOException {
        Path file = tmp.resolve("net.yaml");
        Files.writeString(file, text);
        Path out = tmp.resolve("out.json");
        Run r = cli("predict", "--model", file.toString(), "--device", "v100", "--format", "json", "--out",
                out.toString());
        assertEquals(2, r.code(), name + ": " + r.err());
        for (String f : fragments) {
            assertTrue(r.err().contains(f), name + ": expected '" + f + "' in: " + r.err());
        }
        assertTrue(r.err().contains(file + ":"), name + ": the message names the file: " + r.err());
        assertFalse(r.err().contains("\tat "), name + ": no stack trace");
        assertFalse(Files.exists(out), name + ": no output written");
    }
}
