package dev.dynlat.predictor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 18 item 5 through the CLI: sizes, fonts, titles, side-by-side devices, paper tables. */
class PaperFiguresCliTest {
    @TempDir
    Path tmp;

    private Path results;

    @BeforeEach
    void sweep() throws IOException {
        results = CliTest.sweep(tmp, """
                models: [resnet50]
                devices: [tx2, v100]
                paradigms:
                  spatial: {granularity: [1, 2, 4]}
                rates: [0.25, 0.5, 1.0]
                """, "results.csv");
    }

    private static double svgWidthPt(Path svg) throws IOException {
        Matcher m = Pattern.compile("width='([0-9.]+)pt'").matcher(Files.readString(svg));
        assertTrue(m.find(), svg.toString());
        return Double.parseDouble(m.group(1));
    }

    @Test
    void reportDrawsDevicesSideBySideInReadableNamesAndTablesForThePage() throws IOException {
        Path out = tmp.resolve("figs");
        CliTest.Result r = CliTest.run("report", "--from", results.toString(), "--out", out.toString(),
                "--format", "svg");
        assertEquals(0, r.code(), r.err());
        String panels = Files.readString(out.resolve("latency-vs-rate-by-device.svg"));
        assertTrue(panels.contains(">Jetson TX2, batch 1</text>") && panels.contains(">Tesla V100 SXM2 16 GB, batch 128</text>"),
                "one panel per device, named by display name");
        assertEquals(486, svgWidthPt(out.resolve("latency-vs-rate-by-device.svg")), 0.01, "panels take the page width");
        assertEquals(234, svgWidthPt(out.resolve("latency-vs-rate.svg")), 0.01, "one column");
        String breakdown = Files.readString(out.resolve("stage-breakdown.svg"));
        assertTrue(breakdown.contains(">ResNet-50 on Jetson TX2,</text>") || breakdown.contains("ResNet-50 on Jetson TX2"),
                "title in readable names");
        assertFalse(breakdown.contains(">resnet50"), "no ids in the title");

        String column = Files.readString(out.resolve("summary.tex"));
        assertTrue(column.contains("\\small") && column.contains("S[table-format=") && column.contains("$\\times$"),
                column);
        assertFalse(column.contains("best uniform"), "the column table keeps four columns");
        String full = Files.readString(out.resolve("summary-full.tex"));
        assertTrue(full.contains("\\begin{tabular*}{\\textwidth}") && full.contains("best uniform"), full);
    }

    @Test
    void sizeFontAndTitleFlagsReachTheFiles() throws IOException {
        Path out = tmp.resolve("figs");
        CliTest.Result r = CliTest.run("report", "--from", results.toString(), "--out", out.toString(),
                "--format", "svg", "--device", "tx2", "--size", "4x3", "--font", "sans", "--no-title");
        assertEquals(0, r.code(), r.err());
        Path svg = out.resolve("latency-vs-rate.svg");
        assertEquals(288, svgWidthPt(svg), 0.01);
        String text = Files.readString(svg);
        assertTrue(text.toLowerCase().contains("sans"), "sans text");
        assertFalse(text.contains("ResNet-50 on"), "no title");
        assertFalse(Files.exists(out.resolve("latency-vs-rate-by-device.svg")), "--device names one device");
    }

    @Test
    void badFigureFlagsExitWithTwoNamingTheFieldAndWriteNothing() {
        Path out = tmp.resolve("never");
        String[][] cases = {
            {"report", "--from", results.toString(), "--out", out.toString(), "--size", "huge"},
            {"report", "--from", results.toString(), "--out", out.toString(), "--font", "comic"},
            {"sweep", "--model", "resnet50", "--device", "tx2", "--mode", "spatial", "--rates", "0.5",
                "--chart", out.resolve("c.svg").toString(), "--size", "0x1"},
            {"predict", "--model", "gfnet-resnet50-96", "--device", "tx2", "--exits", "0.5,0.3,0.1,0.05,0.05",
                "--chart", out.resolve("c.svg").toString(), "--font", "x"},
        };
        String[] messages = {"size: unknown size 'huge'", "font: unknown font 'comic'", "size: '0x1'",
            "font: unknown font 'x'"};
        for (int i = 0; i < cases.length; i++) {
            CliTest.Result r = CliTest.run(cases[i]);
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().contains(messages[i]), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
            assertFalse(Files.exists(out), "nothing written for " + String.join(" ", cases[i]));
        }
    }

    @Test
    void exitLatenciesAreDrawnWhereTheyAre() throws IOException {
        Path svg = tmp.resolve("exits.svg");
        CliTest.Result r = CliTest.run("predict", "--model", "gfnet-resnet50-96", "--device", "tx2", "--exits",
                "0.5,0.3,0.1,0.05,0.05", "--chart", svg.toString(), "--format", "json");
        assertEquals(0, r.code(), r.err());
        String text = Files.readString(svg);
        assertTrue(text.contains(">latency per input [ms]</text>") && text.contains(">cumulative share</text>"), text
                .substring(0, 300));
        // A numeric axis: no bin labels such as "1.234-1.456".
        assertFalse(Pattern.compile(">[0-9.]+-[0-9.]+</text>").matcher(text).find(), "no bin labels");
        JsonNode exits = new ObjectMapper().readTree(r.out()).get("decisions").get("exits");
        assertEquals(5, exits.size());
    }

    @Test
    void flagSweepTexIsOneRowPerRate() throws IOException {
        Path tex = tmp.resolve("sweep.tex");
        CliTest.Result r = CliTest.run("sweep", "--model", "resnet50", "--device", "tx2", "--mode", "spatial",
                "--options", "1,2,4", "--rates", "0.1:1:0.1", "--out", tex.toString());
        assertEquals(0, r.code(), r.err());
        String text = Files.readString(tex);
        long rows = text.lines().filter(l -> l.endsWith("\\\\") && Character.isDigit(l.charAt(0))).count();
        assertEquals(10, rows, text);
        assertTrue(text.contains("{best}") || text.contains("best &") || text.contains("& best"), text);
    }
}
