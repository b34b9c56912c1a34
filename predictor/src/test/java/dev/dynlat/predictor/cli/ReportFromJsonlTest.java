package dev.dynlat.predictor.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.predictor.sweep.SweepResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dynlat report --from} reads the JSON Lines that {@code sweep --spec} writes as it reads the CSV. */
class ReportFromJsonlTest {
    @TempDir
    Path tmp;

    private Path sweep(String name) throws IOException {
        return CliTest.sweep(tmp, """
                models: [resnet50]
                devices: [tx2, nano]
                paradigms:
                  spatial: {granularity: [1, 4]}
                  channel: {channel_group: [2]}
                rates: [0.25, 0.75]
                """, name);
    }

    @Test
    void theJsonLinesGiveTheSameRowsAsTheCsv() throws IOException {
        Path csv = sweep("r.csv");
        Path jsonl = sweep("r.jsonl");
        for (String device : List.of("tx2", "nano")) {
            SweepResults.Selection sel = new SweepResults.Selection(null, device, null, null);
            SweepResults a = SweepResults.read(csv, sel);
            SweepResults b = SweepResults.read(jsonl, sel);
            assertEquals(device, b.device());
            assertEquals(a.rows().size(), b.rows().size());
            assertTrue(a.rows().size() > 4, "rows of " + device + ": " + a.rows().size());
            for (int i = 0; i < a.rows().size(); i++) {
                SweepResults.Row x = a.rows().get(i);
                SweepResults.Row y = b.rows().get(i);
                assertEquals(x.option(), y.option());
                assertEquals(x.paradigm(), y.paradigm());
                assertEquals(x.latencyMs(), y.latencyMs());
                assertArrayEquals(x.stageMs(), y.stageMs());
                assertArrayEquals(x.stageRoleMs()[0], y.stageRoleMs()[0]);
            }
        }
    }

    @Test
    void aCsvWithTheOldFingerprintLineStillReads() throws IOException {
        Path csv = sweep("r.csv");
        Path old = tmp.resolve("old.csv");
        Files.writeString(old, "# dynlat-sweep spec_sha256=00 rows=13\n" + Files.readString(csv));
        SweepResults.Selection sel = new SweepResults.Selection(null, "nano", null, null);
        assertEquals(SweepResults.read(csv, sel).rows().size(), SweepResults.read(old, sel).rows().size());
        assertEquals(SweepResults.read(csv, sel).rows().get(3).latencyMs(),
                SweepResults.read(old, sel).rows().get(3).latencyMs());
    }

    @Test
    void reportFromJsonlWritesTheSameTablesAsFromCsv() throws IOException {
        Path fromCsv = tmp.resolve("a");
        Path fromJsonl = tmp.resolve("b");
        CliTest.Result a = CliTest.run("report", "--from", sweep("r.csv").toString(), "--out", fromCsv.toString(),
                "--format", "svg", "--device", "nano");
        CliTest.Result b = CliTest.run("report", "--from", sweep("r.jsonl").toString(), "--out", fromJsonl.toString(),
                "--format", "svg", "--device", "nano");
        assertEquals(0, a.code(), a.err());
        assertEquals(0, b.code(), b.err());
        for (String table : List.of("summary.csv", "summary.md", "summary.tex")) {
            assertEquals(Files.readString(fromCsv.resolve(table)), Files.readString(fromJsonl.resolve(table)), table);
        }
        assertTrue(b.out().startsWith("report: resnet50 on nano"), b.out());
    }

    @Test
    void aTornOrForeignLineIsNamedInOneLineAndNothingIsWritten() throws IOException {
        Path jsonl = sweep("r.jsonl");
        List<String> lines = Files.readAllLines(jsonl);
        Path bad = tmp.resolve("bad.jsonl");
        Files.write(bad, List.of(lines.get(0), lines.get(1), "{\"model\":\"resnet50\",\"dev"));
        Path out = tmp.resolve("never");
        CliTest.Result r = CliTest.run("report", "--from", bad.toString(), "--out", out.toString());
        assertEquals(2, r.code());
        assertEquals("dynlat report: from: " + bad + ":3: not a JSON object (a sweep's JSON Lines hold one object per line)",
                r.err().strip());
        assertFalse(Files.exists(out));
    }
}
