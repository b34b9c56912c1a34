package dev.dynlat.predictor.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.profile.DeviceCatalog;
import dev.dynlat.predictor.dynamic.Paradigm;
import dev.dynlat.predictor.engine.Predictor;
import dev.dynlat.predictor.request.RateList;
import dev.dynlat.predictor.schedule.Schedule;
import dev.dynlat.predictor.sweep.RateSweep;
import dev.dynlat.predictor.sweep.SweepPoint;
import dev.dynlat.predictor.workload.NetworkZoo;
import dev.dynlat.predictor.workload.Network;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {
    @TempDir
    Path tmp;

    @Test
    void writesEveryPointAndAChart() throws IOException {
        Path csv = tmp.resolve("s.csv");
        Path svg = tmp.resolve("s.svg");
        CliTest.Result r = CliTest.run("sweep", "--model", "resnet50", "--device", "tx2", "--mode", "spatial",
                "--options", "1,2,4", "--rates", "0.2:0.8:0.2", "--out", csv.toString(), "--chart", svg.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(1 + 3 * 4, lines.size(), "header + options x rates");
        assertTrue(Files.readString(svg).contains("latency per image"));
        assertTrue(r.out().contains("best per stage"), r.out());
    }

    @Test
    void rateGridsParse() {
        assertArrayEquals(new double[] {0.1, 0.2, 0.3}, RateList.parse("0.1:0.3:0.1"), 1e-12);
        assertEquals(10, RateList.parse("0.1:1:0.1").length, "0.1 steps land on 1.0");
        assertArrayEquals(new double[] {0.25, 0.75}, RateList.parse("0.25, 0.75"), 0);
    }

    @Test
    void badInputIsAOneLineErrorWithNoFiles() {
        Path csv = tmp.resolve("s.csv");
        String[][] cases = {
            {"--mode", "spatial", "--rates", "0.5,1.5"},
            {"--mode", "spatial", "--rates", "0:1:0"},
            {"--mode", "spatial", "--options", "0"},
            {"--mode", "static"},
            {"--mode", "channel", "--options", "3"}};
        for (String[] c : cases) {
            String[] args = new String[c.length + 8];
            System.arraycopy(new String[] {"sweep", "--model", "resnet50", "--device", "v100", "--out", csv.toString()},
                    0, args, 0, 7);
            System.arraycopy(c, 0, args, 7, c.length);
            args[args.length - 1] = "--batch=2";
            CliTest.Result r = CliTest.run(args);
            assertEquals(2, r.code(), String.join(" ", c) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertFalse(Files.exists(csv));
        }
    }

    @Test
    void bestPerStageIsNeverSlowerThanAnyUniformOption() {
        Network net = NetworkZoo.get("resnet101");
        RateSweep sweep = new RateSweep(new Predictor(DeviceCatalog.load("v100"), ModelVariant.LAUDNET,
                Schedule.defaults()), net, Paradigm.SPATIAL);
        List<SweepPoint> points = sweep.run(new int[] {1, 2, 4, 8}, new double[] {0.3, 0.6});
        for (double rate : new double[] {0.3, 0.6}) {
            SweepPoint best = sweep.bestPerStage(points, rate);
            for (SweepPoint p : points) {
                if (p.rate() == rate) {
                    assertTrue(best.latencyMs() <= p.latencyMs() + 1e-9, best + " vs " + p);
                }
            }
        }
    }
}
