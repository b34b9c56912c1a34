package dev.dynlat.reports.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TableWriterGoldenTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"results.csv", "results.md", "results.tex"})
    void renderMatchesGoldenFile(String goldenName) throws IOException {
        String expected = golden(goldenName);
        String actual = TableFormat.fromFileName(goldenName).writer().render(SampleTables.results());
        assertEquals(expected, actual);
    }

    @ParameterizedTest
    @CsvSource({"results.csv", "results.md", "results.tex"})
    void writtenFileMatchesGoldenBytesInAnyDefaultLocale(String goldenName) throws IOException {
        Locale saved = Locale.getDefault();
        try {
            // Comma decimal separators would show up here if any formatting used the default locale.
            Locale.setDefault(Locale.GERMANY);
            Path target = dir.resolve("nested/out").resolve(goldenName);
            TableFiles.write(SampleTables.results(), target);
            assertArrayEquals(golden(goldenName).getBytes(StandardCharsets.UTF_8), Files.readAllBytes(target));
        } finally {
            Locale.setDefault(saved);
        }
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = TableWriterGoldenTest.class.getResourceAsStream("/golden/" + name)) {
            assertNotNull(in, "missing golden file " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
