package dev.dynlat.predictor.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.predictor.dynamic.Paradigm;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The requests' rules: what each rejects, with the field and value named, and what the workspace keeps warm. */
class RequestValidationTest {
    private static TargetRequest target(Integer batch) {
        return new TargetRequest("resnet50", null, "tx2", batch, null, null);
    }

    private static PredictionRequest predict(String mode, String granularity, String channelGroup, Double rate) {
        return new PredictionRequest(target(null), mode, granularity, channelGroup, rate, null, null, null, null,
                null, null, null, null, null, null, ResultFormat.JSON, false);
    }

    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void resultFormatNamesTheValueAndTheFormatsAccepted() {
        assertEquals(ResultFormat.CSV, ResultFormat.parse("CSV", PredictionRequest.FORMATS));
        assertEquals("format: unknown format 'xml'; expected table, json or csv",
                message(() -> ResultFormat.parse("xml", PredictionRequest.FORMATS)));
        assertEquals("format: unknown format 'csv'; expected table or json",
                message(() -> ResultFormat.parse("csv", ResultFormat.TABLE, ResultFormat.JSON)));
    }

    @Test
    void predictionRejectsAFormatItCannotWriteAndABadBatchWhenBuilt() {
        assertTrue(message(() -> new PredictionRequest(target(null), null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, ResultFormat.YAML, false)).startsWith("format: "));
        assertTrue(message(() -> new PredictionRequest(target(0), null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, false)).startsWith("batch"));
        assertTrue(message(() -> new PredictionRequest(target(null), null, null, null, null, null, null, null, null,
                null, null, null, null, null, Path.of("x.gif"), null, false)).startsWith("--chart: "));
    }

    @Test
    void predictionDefaultsToAStaticTable() {
        PredictionRequest r = new PredictionRequest(target(null), null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, false);
        assertEquals("static", r.mode());
        assertEquals(ResultFormat.TABLE, r.format());
        assertTrue(r.modeless());
    }

    @Test
    void predictionRulesThatNeedTheNetworkNameTheField() {
        var net = new Workspace().network("resnet50", null);
        assertEquals("rate: must be in [0, 1], got 1.5", message(() -> predict("channel", null, null, 1.5)
                .dynamics(net, null)));
        assertEquals("rate: required with --mode spatial", message(() -> predict("spatial", "4", null, null)
                .dynamics(net, null)));
        assertEquals("granularity: expected 1 or 4 values, got 2 ('4,2')",
                message(() -> predict("spatial", "4,2", null, 0.5).dynamics(net, null)));
        assertEquals("channel-group: only applies to --mode channel",
                message(() -> predict("spatial", "4", "2", 0.5).dynamics(net, null)));
        assertEquals("mode: --rate/--granularity/--channel-group need --mode spatial, channel or layer",
                message(() -> predict("static", null, null, 0.5).dynamics(net, null)));
        // A rate override (the mean of per-input rate rows) stands in for a missing --rate.
        assertEquals(0.25, ((dev.dynlat.predictor.dynamic.CnnDynamics) predict("layer", null, null, null)
                .dynamics(net, 0.25)).stages().get(0).rates()[0], 1e-12);
    }

    @Test
    void sweepNeedsAModeAndDefaultsItsGrid() {
        assertEquals("Missing required option: '--mode=MODE' (or --spec FILE)",
                message(() -> new SweepRequest(target(null), null, null, null)));
        SweepRequest s = new SweepRequest(target(null), "spatial", null, null);
        assertEquals(Paradigm.SPATIAL, s.paradigm());
        assertEquals(10, s.rateGrid().length);
        assertEquals(4, s.optionValues().length);
        assertEquals("rates: must be in [0, 1], got 2.0",
                message(() -> new SweepRequest(target(null), "spatial", null, "0.5,2").rateGrid()));
    }

    @Test
    void searchChecksEveryFlagRuleBeforeLoadingAnything() {
        // A model that does not exist: the flag rules answer first, so nothing was loaded.
        TargetRequest missing = new TargetRequest("no-such-model", null, "tx2", null, null, null);
        assertEquals("mode: search picks S or G per stage; expected spatial or channel, got layer",
                message(() -> new SearchRequest(missing, "layer", null, 0.5, null, null)));
        assertEquals("rate: give --rate R, --rates LIST or --accuracy CSV",
                message(() -> new SearchRequest(missing, "spatial", null, null, null, null)));
        assertEquals("rate: must be in [0, 1], got -0.1",
                message(() -> new SearchRequest(missing, "spatial", null, -0.1, null, null)));
        assertEquals("rates: step must be positive, got 0",
                message(() -> new SearchRequest(missing, "spatial", null, null, "0:1:0", null)));
        assertTrue(message(() -> SearchRun.run(new SearchRequest(missing, "spatial", null, 0.5, null, null),
                new Workspace())).startsWith("model: unknown model 'no-such-model'"));
    }

    @Test
    void reportChecksItsFlagsBeforeReadingOrWriting(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        var formats = ReportRequest.formats("svg, png");
        assertEquals(java.util.List.of(dev.dynlat.reports.chart.ChartFormat.SVG, dev.dynlat.reports.chart.ChartFormat.PNG),
                java.util.List.copyOf(formats), "formats keep the order typed");
        assertEquals("format: unknown figure format 'gif'; expected png, svg or pdf",
                message(() -> ReportRequest.formats("png,gif")));
        var all = new dev.dynlat.predictor.sweep.SweepResults.Selection(null, null, null, null);
        Path missing = tmp.resolve("results.csv");
        Path out = tmp.resolve("figures");
        assertEquals("dpi: must be 36 to 1200, got 20",
                message(() -> new ReportRequest(missing, out, formats, 20, all, null, 0.5, null, null)));
        assertEquals("rate: must be in [0, 1], got 1.5",
                message(() -> new ReportRequest(missing, out, formats, 300, all, null, 1.5, null, null)));
        java.nio.file.Files.writeString(out, "a file");
        assertEquals("--out: cannot write '" + out + "': it is a file, not a directory",
                message(() -> new ReportRequest(missing, out, formats, 300, all, null, 0.5, null, null)));
        assertEquals("batch: must be a positive integer, got 0", message(() -> new ReportRequest(missing,
                tmp.resolve("dir"), formats, 300, new dev.dynlat.predictor.sweep.SweepResults.Selection(null, null,
                null, 0), null, 0.5, null, null)));
    }

    @Test
    void workspaceKeepsOnePredictorPerProfileVariantAndSchedule() {
        Workspace ws = new Workspace();
        TargetRequest a = target(null);
        var profile = a.profile(ws);
        assertSame(profile, a.profile(ws), "a built-in profile is loaded once");
        assertSame(a.network(ws), a.network(ws), "a zoo network is resolved once per input size");
        assertNotSame(a.network(ws), ws.network("resnet50", "160"));
        var p1 = a.predictor(ws, profile);
        assertSame(p1, a.predictor(ws, profile), "the same target reuses its predictor and its caches");
        assertNotSame(p1, target(4).predictor(ws, profile), "another batch is another predictor");
        assertEquals(2, ws.warmPredictors());
    }

    /**
     * A profile file is read on every request and parsed again only when its text changed: two
     * texts of one path give their own profiles, and going back to the first text gives the first.
     */
    @Test
    void workspaceParsesAProfileFileAgainOnlyWhenItsTextChanged(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws java.io.IOException {
        String v100 = new String(java.util.Objects.requireNonNull(getClass().getResourceAsStream(
                "/dynlat/profiles/v100.yaml")).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        Path file = tmp.resolve("gpu.yaml");
        java.nio.file.Files.writeString(file, v100);
        Workspace ws = new Workspace();
        var first = ws.profile("--device", file.toString());
        assertSame(first, ws.profile("--device", file.toString()), "an unchanged file is parsed once");
        assertEquals(dev.dynlat.operators.profile.DeviceCatalog.load("--device", file.toString()), first);

        String faster = v100.replaceFirst("(?m)^(\\s*)clock_mhz: *[0-9.]+", "$1clock_mhz: 1700");
        assertTrue(!faster.equals(v100), "the fixture changes the clock");
        java.nio.file.Files.writeString(file, faster);
        var second = ws.profile("--device", file.toString());
        assertNotSame(first, second, "a changed file is parsed again");
        assertEquals(1700, second.laudnet().clockMHz());
        assertEquals(dev.dynlat.operators.profile.DeviceCatalog.load("--device", file.toString()), second);

        java.nio.file.Files.writeString(file, v100);
        assertEquals(first, ws.profile("--device", file.toString()), "the first text gives the first profile");
        java.nio.file.Files.delete(file);
        assertTrue(message(() -> ws.profile("--device", file.toString())).startsWith("--device: cannot read '"),
                "a file gone is an error, not a cached profile");
    }
}
