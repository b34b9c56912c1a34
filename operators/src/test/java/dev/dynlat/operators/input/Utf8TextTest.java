package dev.dynlat.operators.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Utf8TextTest {
    @Test
    void aStreamNamesTheFirstBadByteWithItsOffsetAndLineAsAWholeFileDoes(@TempDir Path dir) throws IOException {
        byte[] bytes = "a,b\nc\u00e9,d\n".getBytes(StandardCharsets.ISO_8859_1);
        Path file = Files.write(dir.resolve("x.csv"), bytes);
        String whole = assertThrows(InputFileException.class, () -> InputFiles.readUtf8("--x", file)).getMessage();
        assertEquals("--x: cannot read '" + file + "': not UTF-8 text (byte 0xE9 at offset 5, line 2)", whole);
        assertEquals(Optional.of("not UTF-8 text (byte 0xE9 at offset 5, line 2)"),
                Utf8Text.firstProblem(new ByteArrayInputStream(bytes)));
    }

    @Test
    void aSequenceCutByTheChunkEndIsNotAProblemButOneCutByTheFileEndIs() throws IOException {
        // 65535 ASCII bytes, then a two-byte é across the 64 KiB chunk boundary, then a line break.
        byte[] bytes = new byte[65535 + 3];
        Arrays.fill(bytes, (byte) 'a');
        bytes[100] = '\n';
        bytes[65535] = (byte) 0xC3;
        bytes[65536] = (byte) 0xA9;
        bytes[65537] = '\n';
        assertEquals(Optional.empty(), Utf8Text.firstProblem(new ByteArrayInputStream(bytes)));
        byte[] cut = Arrays.copyOf(bytes, 65536);
        assertEquals(Optional.of("not UTF-8 text (byte 0xC3 at offset 65535, line 2)"),
                Utf8Text.firstProblem(new ByteArrayInputStream(cut)));
    }
}
