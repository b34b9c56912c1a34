package dev.dynlat.predictor.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dynlat.predictor.request.SweepRequest;
import dev.dynlat.predictor.request.SweepResult;
import dev.dynlat.predictor.request.SweepRun;
import dev.dynlat.predictor.request.TargetRequest;
import dev.dynlat.predictor.request.Workspace;
import dev.dynlat.predictor.sweep.SweepFigures;
import dev.dynlat.predictor.sweep.SweepResults;
import dev.dynlat.reports.table.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flag-form sweep and {@code report} (over a spec sweep of the same target and S values)
 * name the same best configurations: the fastest per-stage combination and the fastest uniform
 * option at every rate, with the same latency. ResNet-101's last stage is 7x7, so S=8 there is
 * where the two forms once parted (the flag form capped it at 7, the spec sweep dropped it).
 */
class SweepAndReportAgreeTest {
    private static final String RATES = "0.2,0.8";

    @TempDir
    Path tmp;

    @Test
    void theFlagFormSweepAndTheReportNameTheSameBest() throws IOException {
        SweepResult flag = SweepRun.run(new SweepRequest(new TargetRequest("resnet101", null, "v100", null,
                "laudnet", null), "spatial", "1,2,4,8", RATES), new Workspace());

        Path spec = tmp.resolve("spec.yaml");
        Files.writeString(spec, "models: [resnet101]\ndevices: [v100]\nvariants: [laudnet]\n"
                + "paradigms:\n  spatial: {granularity: [1, 2, 4, 8]}\nrates: [" + RATES + "]\n");
        Path results = tmp.resolve("results.csv");
        CliTest.Result swept = CliTest.run("sweep", "--spec", spec.toString(), "--out", results.toString());
        assertEquals(0, swept.code(), swept.err());
        Table report = new SweepFigures(SweepResults.read(results, new SweepResults.Selection(null, null, null,
                null)), "spatial", 0.5).summary();

        Table best = flag.best();
        assertArrayEquals(best.numbers("rate"), report.numbers("rate"));
        assertEquals(best.texts("best per stage"), report.texts("best S per stage"));
        assertSameLatencies(best.numbers("latency per stage"), report.numbers("latency"));
        assertEquals(best.texts("best uniform"), report.texts("best uniform"));
        assertSameLatencies(best.numbers("latency"), report.numbers("uniform latency"));
    }

    /** Equal to the six significant digits a spec sweep writes its latencies with. */
    private static void assertSameLatencies(double[] flag, double[] report) {
        assertEquals(flag.length, report.length);
        for (int i = 0; i < flag.length; i++) {
            assertEquals(flag[i], report[i], flag[i] * 5e-6, "rate row " + i);
        }
    }
}
