package dev.dynlat.predictor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dynlat report}: every figure type rendered headless, read back and checked; tables in three formats. */
class ReportCommandTest {
    @TempDir
    Path tmp;

    private Path results;

    @BeforeEach
    void sweep() throws IOException {
        results = CliTest.sweep(tmp, """
                models: [resnet50]
                devices: [tx2]
                paradigms:
                  spatial: {granularity: [1, 2, 4]}
                  channel: {channel_group: [1, 2]}
                rates: [0.25, 0.5, 0.75, 1.0]
                """, "results.csv");
    }

    @Test
    void drawsEveryFigureWithTitledAxesUnitsLegendsAndData() throws IOException {
        Path acc = tmp.resolve("acc.csv");
        Files.writeString(acc, "option,rate,accuracy_pct\n1-1-1-1,0.5,76.2\n4-4-4-4,0.5,75.1\n2-2-2-2,0.75,76.9\n"
                + "1-2-4-4,1,77.3\n");
        Path measured = tmp.resolve("pvm.csv");
        Files.writeString(measured, "case,group,series,measured_ms,predicted_ms,measured_low_ms,measured_high_ms\n"
                + "\"conv 3x3, b1\",conv,calibrated,0.5,0.52,0.48,0.53\nfc,fc,calibrated,2.0,1.9,1.9,2.1\n"
                + "\"conv 3x3, b1\",conv,roofline,0.5,0.2,0.48,0.53\nfc,fc,roofline,2.0,0.8,1.9,2.1\n");
        Path out = tmp.resolve("figs");
        CliTest.Result r = CliTest.run("report", "--from", results.toString(), "--out", out.toString(),
                "--accuracy", acc.toString(), "--measured", measured.toString(), "--paradigm", "spatial");
        assertEquals(0, r.code(), r.err());
        Map<String, List<String>> expected = Map.of(
                "latency-vs-rate", List.of("activation rate", "latency per image [ms]", "S per stage:", "1-1-1-1",
                    "best per stage", "static"),
                "speedup-heatmap", List.of("residual stage", "granularity S", "speedup over static [x]", "stage 4"),
                "stage-breakdown", List.of("residual stage", "latency per image [ms]", "operator role:", "masker",
                    "conv", "scatter"),
                "latency-histogram", List.of("latency per image [ms]", "configurations [count]", "paradigm:",
                    "spatial", "channel", "static"),
                "accuracy-vs-latency", List.of("latency per image [ms]", "accuracy [%]", "Pareto set",
                    "configurations"),
                "predicted-vs-measured", List.of("measured latency [ms]", "predicted latency [ms]", "prediction:",
                    "calibrated", "roofline", "y = x", "\u00B110%"));
        for (var e : expected.entrySet()) {
            String svg = Files.readString(out.resolve(e.getKey() + ".svg"));
            for (String text : e.getValue()) {
                assertTrue(svg.contains(">" + text + "</text>"), e.getKey() + " lacks '" + text + "'");
            }
            assertTrue(svg.contains("viewBox="), e.getKey());
            BufferedImage png = ImageIO.read(out.resolve(e.getKey() + ".png").toFile());
            // One 3.25 in column at 300 dpi (issue 18: 3.5 in overflowed a column).
            assertTrue(png.getWidth() >= 975, e.getKey() + " at 300 dpi: " + png.getWidth());
            assertTrue(Files.size(out.resolve(e.getKey() + ".pdf")) > 1000, e.getKey());
            assertTrue(dataPaths(svg) > 3, e.getKey() + " draws no data");
        }
        assertTrue(Files.readString(out.resolve("summary.md")).contains("| best S per stage"));
        assertTrue(Files.readString(out.resolve("summary.tex")).contains("\\toprule"));
        assertTrue(Files.readString(out.resolve("summary.csv")).startsWith("rate,best S per stage,latency [ms/image]"));
    }

    /**
     * Shapes filled in a palette colour (bars, cells) or outlined in one (hollow markers, since
     * issue 18): the data, not the frame, grid or text.
     */
    private static long dataPaths(String svg) {
        return java.util.regex.Pattern.compile("fill: ?rgb\\((0,114,178|230,159,0|0,158,115|204,121,167|86,180,233|"
                + "2[0-9]{2},[0-9]{1,3},[0-9]{1,3})\\)|stroke: ?rgb\\((0,114,178|230,159,0|0,158,115|204,121,167|"
                + "86,180,233)\\)").matcher(svg).results().count();
    }

    @Test
    void badInputsExitWithTwoAndWriteNothing() throws IOException {
        Path out = tmp.resolve("never");
        String[][] cases = {
            {"--from", tmp.resolve("missing.csv").toString(), "--out", out.toString()},
            {"--from", results.toString(), "--out", out.toString(), "--format", "gif"},
            {"--from", results.toString(), "--out", out.toString(), "--paradigm", "layer"},
            {"--from", results.toString(), "--out", out.toString(), "--model", "resnet101"},
            {"--from", results.toString(), "--out", out.toString(), "--dpi", "5"},
            {"--from", tmp.resolve("spec.yaml").toString(), "--out", out.toString()},
        };
        String[] messages = {"no such file", "unknown figure format 'gif'", "'layer' is not in the results",
            "has no rows for model resnet101", "dpi: must be 36 to 1200", "is not the CSV of 'dynlat sweep --spec'"};
        for (int i = 0; i < cases.length; i++) {
            String[] args = new String[cases[i].length + 1];
            args[0] = "report";
            System.arraycopy(cases[i], 0, args, 1, cases[i].length);
            CliTest.Result r = CliTest.run(args);
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().contains(messages[i]), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
            assertFalse(Files.exists(out), "nothing written for " + String.join(" ", args));
        }
    }
}
