package dev.dynlat.operators.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {
    @TempDir
    Path dir;

    private static String failure(Path p) {
        String m = assertThrows(InputFileException.class, () -> InputFiles.readUtf8("--config", p)).getMessage();
        assertTrue(m.startsWith("--config: cannot read '" + p + "': "), m);
        assertTrue(!m.contains("\n") && !m.contains("Exception"), m);
        return m;
    }

    @Test
    void readsUtf8WithoutAByteOrderMark() throws IOException {
        Path p = Files.write(dir.resolve("a.yaml"), "\uFEFFname: \u00e9t\u00e9\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("name: \u00e9t\u00e9\n", InputFiles.readUtf8("--config", p));
    }

    @Test
    void aMissingFileGivesTheSystemsReason() {
        assertTrue(failure(dir.resolve("nope.yaml")).endsWith("no such file or directory"));
    }

    @Test
    void aDirectoryIsNamedAsSuch() {
        assertTrue(failure(dir).endsWith("it is a directory, not a file"));
    }

    @Test
    void aFileUnderAFileIsNotADirectory() throws IOException {
        Path f = Files.writeString(dir.resolve("f"), "x");
        assertTrue(failure(f.resolve("x.yaml")).endsWith("not a directory"), failure(f.resolve("x.yaml")));
    }

    @Test
    void nonUtf8BytesAreLocated() throws IOException {
        Path p = Files.write(dir.resolve("latin1.yaml"), new byte[] {'a', ':', ' ', '1', '\n', 'b', ':', ' ', (byte) 0xE9, '\n'});
        assertTrue(failure(p).endsWith("not UTF-8 text (byte 0xE9 at offset 8, line 2)"), failure(p));
    }

    @Test
    void boundsNameTheFieldAndTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InputBounds.TIMED_RUNS.check(2147483647L));
        assertEquals("runs: must be an integer in [3, 10000], got 2147483647", e.getMessage());
        assertEquals(2147483647, InputBounds.BATCH.check(Integer.MAX_VALUE));
    }
}
