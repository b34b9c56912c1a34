package dev.dynlat.predictor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.predictor.sweep.SweepFacet;
import dev.dynlat.predictor.sweep.SweepFigures;
import dev.dynlat.predictor.sweep.SweepResults;
import dev.dynlat.reports.chart.LineChartSpec;
import dev.dynlat.reports.chart.PanelChartSpec;
import dev.dynlat.reports.chart.Series;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Figures with several models side by side, the way several devices are: one panel per model on
 * the drawn device, on the chart spec (what each panel draws) and through {@code report}.
 */
class SideBySideFiguresTest {
    private static final String SPEC = """
            models: [resnet50, resnet101]
            devices: [tx2, v100]
            paradigms:
              spatial: {granularity: [1, 2, 4]}
            rates: [0.25, 0.5, 1.0]
            """;

    @TempDir
    Path tmp;

    private Path results;

    @BeforeEach
    void sweep() throws IOException {
        results = CliTest.sweep(tmp, SPEC, "results.csv");
    }

    private SweepFigures figures(String model, String device) {
        return new SweepFigures(SweepResults.read(results, new SweepResults.Selection(model, device, null, null)),
                "spatial", 0.5);
    }

    private static double[] relative(SweepResults r, String option) {
        double staticMs = r.staticRow().latencyMs();
        return r.rows().stream().filter(x -> x.option().equals(option)).mapToDouble(x -> x.latencyMs() / staticMs)
                .toArray();
    }

    private static Series series(LineChartSpec panel, String name) {
        return panel.series().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(
                () -> new AssertionError(name + " not in " + panel.series()));
    }

    @Test
    void onePanelPerModelOnTheDrawnDeviceEachDrawingItsOwnModel() {
        SweepResults drawn = SweepResults.read(results, new SweepResults.Selection(null, "tx2", null, null));
        List<SweepResults.Selection> across = SweepResults.across(results, SweepFacet.MODEL, drawn);
        assertEquals(List.of("resnet50", "resnet101"), across.stream().map(SweepResults.Selection::model).toList());
        assertTrue(across.stream().allMatch(s -> s.device().equals("tx2")), across.toString());

        PanelChartSpec spec = SweepFigures.relativeLatencyAcross(SweepFacet.MODEL,
                List.of(figures("resnet50", "tx2"), figures("resnet101", "tx2")));
        assertEquals("Jetson TX2, spatial", spec.title());
        assertEquals(List.of("ResNet-50, batch 1", "ResNet-101, batch 1"),
                spec.panels().stream().map(LineChartSpec::title).toList());
        assertEquals("S per stage", spec.legendTitle());
        SweepResults r101 = SweepResults.read(results, new SweepResults.Selection("resnet101", "tx2", null, null));
        assertEquals(List.of(0.25, 0.5, 1.0), java.util.Arrays.stream(series(spec.panels().get(1), "4-4-4-4").x())
                .boxed().toList());
        org.junit.jupiter.api.Assertions.assertArrayEquals(relative(r101, "4-4-4-4"),
                series(spec.panels().get(1), "4-4-4-4").y(), 1e-12, "the second panel draws ResNet-101");
        assertFalse(java.util.Arrays.equals(series(spec.panels().get(0), "4-4-4-4").y(),
                series(spec.panels().get(1), "4-4-4-4").y()), "each panel its own model");
    }

    @Test
    void theDeviceFacetKeepsItsPanelsAndTitles() {
        SweepResults drawn = SweepResults.read(results, new SweepResults.Selection("resnet101", null, null, null));
        assertEquals(List.of("tx2", "v100"), SweepResults.across(results, SweepFacet.DEVICE, drawn).stream()
                .map(SweepResults.Selection::device).toList());
        PanelChartSpec spec = SweepFigures.relativeLatencyAcross(SweepFacet.DEVICE,
                List.of(figures("resnet101", "tx2"), figures("resnet101", "v100")));
        assertEquals("ResNet-101, spatial", spec.title());
        assertEquals(List.of("Jetson TX2, batch 1", "Tesla V100 SXM2 16 GB, batch 128"),
                spec.panels().stream().map(LineChartSpec::title).toList());
    }

    @Test
    void reportDrawsModelsSideBySideUnlessModelNamesOne() throws IOException {
        Path out = tmp.resolve("figs");
        CliTest.Result r = CliTest.run("report", "--from", results.toString(), "--out", out.toString(),
                "--format", "svg");
        assertEquals(0, r.code(), r.err());
        String svg = Files.readString(out.resolve("latency-vs-rate-by-model.svg"));
        assertTrue(svg.contains(">ResNet-50, batch 1</text>") && svg.contains(">ResNet-101, batch 1</text>"), svg);
        assertTrue(svg.contains("width='486.0pt'"), "panels take the page width");
        assertTrue(Files.exists(out.resolve("latency-vs-rate-by-device.svg")), "devices side by side too");

        Path one = tmp.resolve("one");
        assertEquals(0, CliTest.run("report", "--from", results.toString(), "--out", one.toString(),
                "--format", "svg", "--model", "resnet101").code());
        assertFalse(Files.exists(one.resolve("latency-vs-rate-by-model.svg")), "--model names one model");
        assertTrue(Files.exists(one.resolve("latency-vs-rate-by-device.svg")));
    }
}
