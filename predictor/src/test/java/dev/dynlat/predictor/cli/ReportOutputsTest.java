package dev.dynlat.predictor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.reports.io.OutputBody;
import dev.dynlat.reports.io.OutputSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report} writes its figures as one output set: a failure while writing any file (a full
 * disk, simulated by a content that fails midway) leaves every earlier figure as it was and no
 * temporary file; an unusable {@code --out} is one line and exit 2 before any work.
 */
class ReportOutputsTest {
    @TempDir
    Path tmp;

    private static OutputBody text(String s) {
        return out -> out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aFailureInAnyFileKeepsEveryEarlierFile() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("figures"));
        for (String name : List.of("a.svg", "b.svg", "c.svg")) {
            Files.writeString(dir.resolve(name), "earlier " + name);
        }
        Map<String, OutputBody> files = new LinkedHashMap<>();
        files.put("a.svg", text("new a"));
        files.put("b.svg", text("new b"));
        files.put("c.svg", out -> {
            out.write("half of c".getBytes(StandardCharsets.UTF_8));
            throw new IOException("No space left on device");
        });
        files.put("d.svg", text("new d"));
        OutputSet.OutputWriteException e = assertThrows(OutputSet.OutputWriteException.class,
                () -> DirectoryOutputs.write("--out", dir, files));
        assertEquals("--out: cannot write '" + dir.resolve("c.svg") + "': No space left on device", e.getMessage());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of("a.svg", "b.svg", "c.svg"), s.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no new file, no temporary file");
        }
        for (String name : List.of("a.svg", "b.svg", "c.svg")) {
            assertEquals("earlier " + name, Files.readString(dir.resolve(name)));
        }
    }

    @Test
    void aDirectoryCreatedForAFailedSetIsRemovedAgain() {
        Path dir = tmp.resolve("new").resolve("figures");
        Map<String, OutputBody> files = new LinkedHashMap<>();
        files.put("a.svg", out -> {
            throw new IOException("No space left on device");
        });
        assertThrows(OutputSet.OutputWriteException.class, () -> DirectoryOutputs.write("--out", dir, files));
        assertFalse(Files.exists(tmp.resolve("new")), "the directories made for the set are gone");
    }

    @Test
    void outUnderARegularFileIsOneLineAndExitTwo() throws IOException {
        Path file = Files.writeString(tmp.resolve("plain"), "x");
        CliTest.Result r = CliTest.run("report", "--from", "missing.csv", "--out", file.resolve("figs").toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("dynlat report: --out: cannot write '" + file.resolve("figs") + "': '" + file
                + "' is a file, not a directory\n", r.err());
    }

    @Test
    void outInAReadOnlyDirectoryIsOneLineAndExitTwo() throws IOException {
        Path locked = Files.createDirectories(tmp.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            // Root writes through mode 0555: then there is nothing to refuse, and the case is skipped.
            Assumptions.assumeFalse(Files.isWritable(locked), "running as root: mode 0555 does not stop writes");
            CliTest.Result r = CliTest.run("report", "--from", "missing.csv", "--out", locked.resolve("f").toString());
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().matches("dynlat report: --out: cannot write '.*': directory '.*locked' is not"
                    + " writable\\n"), r.err());
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
