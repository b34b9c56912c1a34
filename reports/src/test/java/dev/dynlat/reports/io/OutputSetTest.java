package dev.dynlat.reports.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputSetTest {
    @TempDir
    Path dir;

    private static void writeOne(Path target, String text) throws IOException {
        try (OutputSet set = OutputSet.of("--out", target)) {
            set.prepareText(set.only(), text);
            set.commit(b -> {
                throw new AssertionError("nothing goes to stdout");
            });
        }
    }

    @Test
    void writesANewFileAndReplacesAnOldOneWithoutLeavingTemporaryFiles() throws IOException {
        Path target = dir.resolve("r.csv");
        writeOne(target, "first");
        writeOne(target, "second");
        assertEquals("second", Files.readString(target));
        assertEquals(List.of(target), listAll(dir));
    }

    @Test
    void aReplacedFileKeepsItsPermissions() throws IOException {
        Path target = Files.writeString(dir.resolve("private.csv"), "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
        writeOne(target, "new");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }

    @Test
    void aSymlinkIsWrittenThroughAndStaysALink() throws IOException {
        Path real = Files.writeString(dir.resolve("real.csv"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), Path.of("real.csv"));
        writeOne(link, "new");
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new", Files.readString(real));
        assertEquals(List.of(link, real), listAll(dir));
    }

    @Test
    void aChainOfSymlinksAndADanglingLinkCreateTheFinalTarget() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        Path second = Files.createSymbolicLink(dir.resolve("second"), sub.resolve("final.csv"));
        Path first = Files.createSymbolicLink(dir.resolve("first"), second);
        writeOne(first, "x");
        assertEquals("x", Files.readString(sub.resolve("final.csv")));
        assertTrue(Files.isSymbolicLink(first) && Files.isSymbolicLink(second));
    }

    @Test
    void aSymlinkLoopIsRefused() throws IOException {
        Path a = dir.resolve("a");
        Files.createSymbolicLink(a, dir.resolve("b"));
        Files.createSymbolicLink(dir.resolve("b"), a);
        OutputPathException e = assertThrows(OutputPathException.class, () -> OutputTarget.of("--out", a));
        assertTrue(e.getMessage().contains("symbolic links"), e.getMessage());
    }

    @Test
    void aFifoIsStreamedNotReplaced() throws Exception {
        Path fifo = dir.resolve("pipe.csv");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo unavailable");
        assertEquals(OutputTarget.Kind.STREAM, OutputTarget.of("--out", fifo).kind());
        CompletableFuture<byte[]> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readAllBytes(fifo);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writeOne(fifo, "streamed\n");
        assertEquals("streamed\n", new String(reader.get(30, TimeUnit.SECONDS), StandardCharsets.UTF_8));
        assertFalse(Files.isRegularFile(fifo), "the FIFO must still be a FIFO");
        assertEquals(List.of(fifo), listAll(dir));
    }

    @Test
    void aWriteProtectedFileIsRefusedAndUnchanged() throws IOException {
        Path target = Files.writeString(dir.resolve("keep.csv"), "precious");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("r--r--r--"));
        OutputPathException e = assertThrows(OutputPathException.class, () -> OutputSet.of("--out", target));
        assertTrue(e.getMessage().startsWith("--out: cannot write '" + target + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("write-protected"), e.getMessage());
        assertEquals("precious", Files.readString(target));
        assertEquals(List.of(target), listAll(dir));
    }

    @Test
    void aLegal250CharacterNameWorksAndA256ByteNameIsRefused() throws IOException {
        Path target = dir.resolve("n".repeat(246) + ".csv");
        writeOne(target, "long");
        assertEquals("long", Files.readString(target));
        Path tooLong = dir.resolve("n".repeat(252) + ".csv");
        OutputPathException e = assertThrows(OutputPathException.class, () -> OutputSet.of("--out", tooLong));
        assertTrue(e.getMessage().contains("256 bytes"), e.getMessage());
    }

    @Test
    void kernelTreesAreRefusedWithoutTouchingThem() {
        for (String p : List.of("/proc/x.png", "/sys/x.csv", "/proc/self/x.csv")) {
            OutputPathException e = assertThrows(OutputPathException.class, () -> OutputTarget.of("--chart", Path.of(p)));
            assertTrue(e.getMessage().startsWith("--chart: cannot write '" + p + "'"), e.getMessage());
        }
        assertFalse(Files.exists(Path.of("/proc/x.png")));
    }

    @Test
    void aSymlinkIntoProcIsRefused() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("sneaky.csv"), Path.of("/proc/sneaky.csv"));
        OutputPathException e = assertThrows(OutputPathException.class, () -> OutputTarget.of("--out", link));
        assertTrue(e.getMessage().contains("/proc"), e.getMessage());
    }

    @Test
    void directoriesMissingParentsAndFileParentsAreRefusedOnOneLine() throws IOException {
        Path d = Files.createDirectory(dir.resolve("taken.csv"));
        Path blocker = Files.writeString(dir.resolve("blocker"), "file");
        for (Path p : List.of(d, dir.resolve("missing/x.csv"), blocker.resolve("x.csv"))) {
            OutputPathException e = assertThrows(OutputPathException.class, () -> OutputTarget.of("--out", p));
            assertTrue(e.getMessage().contains(p.toString()) && !e.getMessage().contains("\n"), e.getMessage());
        }
        assertEquals(List.of(blocker, d), listAll(dir));
    }

    @Test
    void dashAndDevStdoutGoToStandardOutput() throws IOException {
        for (String p : List.of("-", "/dev/stdout")) {
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            try (OutputSet set = OutputSet.of("--out", Path.of(p))) {
                assertEquals(OutputTarget.Kind.STDOUT, set.only().kind());
                set.prepareText(set.only(), "hello");
                set.commit(captured::write);
            }
            assertEquals("hello", captured.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aFailureWhilePreparingLeavesEveryPreviousFileUntouched() throws IOException {
        Path table = Files.writeString(dir.resolve("t.csv"), "old table");
        Path chart = Files.writeString(dir.resolve("c.svg"), "old chart");
        byte[] tableBefore = Files.readAllBytes(table);
        try (OutputSet set = new OutputSet()) {
            OutputTarget t = set.add("--out", table);
            OutputTarget c = set.add("--chart", chart);
            set.prepareText(t, "new table");
            assertThrows(IllegalStateException.class, () -> set.prepare(c, out -> {
                out.write("partial".getBytes(StandardCharsets.UTF_8));
                throw new IllegalStateException("render failed");
            }));
        }
        assertArrayEquals(tableBefore, Files.readAllBytes(table));
        assertEquals("old chart", Files.readString(chart));
        assertEquals(List.of(chart, table), listAll(dir));
    }

    @Test
    void twoOptionsNamingTheSameFileAreRefused() throws IOException {
        Path real = dir.resolve("same.csv");
        Path link = Files.createSymbolicLink(dir.resolve("alias.csv"), real);
        OutputSet set = new OutputSet();
        set.add("--out", real);
        OutputPathException e = assertThrows(OutputPathException.class, () -> set.add("--chart", link));
        assertTrue(e.getMessage().contains("same file as --out"), e.getMessage());
    }

    private static List<Path> listAll(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().toList();
        }
    }
}
