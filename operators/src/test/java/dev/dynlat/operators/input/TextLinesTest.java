package dev.dynlat.operators.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextLinesTest {
    @TempDir
    Path tmp;

    private List<String> all(Path p) {
        List<String> out = new ArrayList<>();
        try (TextLines lines = TextLines.open("--decisions", p)) {
            for (String l = lines.next(); l != null; l = lines.next()) {
                out.add(l + "@" + lines.lineNumber());
            }
        }
        return out;
    }

    @Test
    void linesWithoutEndingsBomOrCr() throws IOException {
        Path p = Files.write(tmp.resolve("a.csv"), new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'e', 'x', 'i',
            't', '\r', '\n', '\n', (byte) 0xC3, (byte) 0xA9, '\n', '2'});
        assertEquals(List.of("exit@1", "@2", "\u00e9@3", "2@4"), all(p));
    }

    @Test
    void anEmptyFileHasNoLine() throws IOException {
        try (TextLines lines = TextLines.open("--policies", Files.write(tmp.resolve("e"), new byte[0]))) {
            assertNull(lines.next());
        }
    }

    @Test
    void bytesThatAreNotUtf8AreReportedWithOffsetAndLine() throws IOException {
        Path p = Files.write(tmp.resolve("b.csv"), new byte[] {'e', 'x', 'i', 't', '\n', '1', (byte) 0xE9, '\n'});
        InputFileException e = assertThrows(InputFileException.class, () -> all(p));
        assertEquals("--decisions: cannot read '" + p + "': not UTF-8 text (byte 0xE9 at offset 6, line 2)",
                e.getMessage());
    }

    @Test
    void missingFilesDirectoriesAndOverlongLinesHaveAReason() throws IOException {
        Path missing = tmp.resolve("none.csv");
        assertEquals("--decisions: cannot read '" + missing + "': no such file or directory",
                assertThrows(InputFileException.class, () -> all(missing)).getMessage());
        assertEquals("--decisions: cannot read '" + tmp + "': it is a directory, not a file",
                assertThrows(InputFileException.class, () -> all(tmp)).getMessage());
        Path longLine = Files.writeString(tmp.resolve("l.csv"), "policy\n" + "1".repeat(InputBounds.LINE_BYTES + 1));
        assertEquals("--decisions: cannot read '" + longLine + "': line 2 is longer than " + InputBounds.LINE_BYTES
                + " bytes", assertThrows(InputFileException.class, () -> all(longLine)).getMessage());
    }
}
