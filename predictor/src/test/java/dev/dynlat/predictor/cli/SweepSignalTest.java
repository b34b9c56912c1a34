package dev.dynlat.predictor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real process killed with SIGTERM midway: the file ends in a whole row, and rerunning the
 * same command completes it (byte identity of resumed files is proven in-process by
 * {@code SweepRunnerTest}).
 */
class SweepSignalTest {
    @TempDir
    Path tmp;

    @Test
    void sigtermLeavesWholeRowsAndTheSameCommandResumes() throws Exception {
        Path spec = tmp.resolve("spec.yaml");
        // 2 targets x (1 + 20 rates x 5040 channel-group combinations): long enough to interrupt.
        Files.writeString(spec, """
                models: [resnet50]
                devices: [tx2, nano]
                paradigms:
                  channel: {channel_group: all}
                rates: {from: 0.05, to: 1.0, step: 0.05}
                """);
        Path out = tmp.resolve("rows.csv");
        Process p = start(spec, out);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (rows(out) < 2000 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(p.isAlive(), "the sweep finished before it could be interrupted");
        p.destroy();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the sweep did not stop on SIGTERM");
        byte[] bytes = Files.readAllBytes(out);
        assertEquals('\n', bytes[bytes.length - 1], "the file must end with a whole row");
        long before = rows(out);
        Process resumed = start(spec, out);
        assertTrue(resumed.waitFor(300, TimeUnit.SECONDS), "the resumed sweep did not finish");
        assertEquals(0, resumed.exitValue());
        List<String> lines = Files.readAllLines(out);
        assertEquals(1 + 2 * (1 + 20 * 5040), lines.size(), "the header, then every row");
        int fields = lines.get(0).split(",", -1).length;
        assertTrue(lines.stream().skip(1).allMatch(l -> l.split(",", -1).length == fields));
        assertTrue(Files.isRegularFile(tmp.resolve("rows.csv.meta.json")), "the sidecar the resume compared");
        assertTrue(before >= 2000 && before < 2 * (1 + 20 * 5040), "interrupted midway: " + before + " rows");
    }

    private static Process start(Path spec, Path out) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                DynlatCli.class.getName(), "sweep", "--spec", spec.toString(), "--out", out.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static long rows(Path out) throws IOException {
        if (!Files.exists(out)) {
            return 0;
        }
        try (var lines = Files.lines(out)) {
            return Math.max(0, lines.count() - 1);
        }
    }
}
