package dev.dynlat.reports.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real process stopped with SIGTERM while an output is being prepared: its temporary file is
 * removed by the set's shutdown hook, and the target is neither created nor replaced.
 */
class OutputSetSignalTest {
    @TempDir
    Path tmp;

    @Test
    void sigtermDuringPrepareLeavesNoTemporaryFile() throws Exception {
        Path target = tmp.resolve("figure.svg");
        Files.writeString(target, "earlier figure\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), SlowOutput.class.getName(),
                target.toString()).redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("writing", r.readLine(), "the child reached the write");
            assertEquals(1, temporaries().size(), "a temporary file exists while the content is written");
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child did not stop on SIGTERM");
        } finally {
            p.destroyForcibly();
        }
        assertEquals(List.of(), temporaries(), "the shutdown hook removed the temporary file");
        assertEquals("earlier figure\n", Files.readString(target));
        assertFalse(p.isAlive());
    }

    private List<Path> temporaries() throws Exception {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.filter(f -> f.getFileName().toString().startsWith(".dl-")).toList();
        }
    }
}
