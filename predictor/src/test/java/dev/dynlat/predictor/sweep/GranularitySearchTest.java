package dev.dynlat.predictor.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.profile.DeviceCatalog;
import dev.dynlat.predictor.dynamic.Paradigm;
import dev.dynlat.predictor.engine.Predictor;
import dev.dynlat.predictor.schedule.Schedule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class GranularitySearchTest {
    @Test
    void optimumAndRunnerUpMatchBruteForceOverWholeNetworkPredictions() {
        SweepModel model = SweepWorkloads.model("resnet50");
        OptionSpace space = new OptionSpace(new int[][] {{1, 2, 4}, {1, 2, 4}, {1, 2, 4}, {1, 7}}, true);
        Predictor predictor = new Predictor(DeviceCatalog.load("tx2"), ModelVariant.LAUDNET, Schedule.defaults());
        GranularitySearch.Result r = new GranularitySearch(predictor, model, Paradigm.SPATIAL, space).at(0.4);

        record Point(int[] s, double ms) {
        }
        List<Point> all = new ArrayList<>();
        int[] idx = new int[4];
        for (long k = 0; k < space.size(); k++) {
            space.indices(k, idx);
            int[] s = new int[4];
            for (int i = 0; i < 4; i++) {
                s[i] = space.value(i, idx[i]);
            }
            all.add(new Point(s, predictor.predict(SweepWorkloads.workload(model, Paradigm.SPATIAL, s, 0.4)).latencyMs()));
        }
        all.sort(Comparator.comparingDouble(Point::ms));
        assertEquals(54, r.combinations());
        assertArrayEquals(all.get(0).s(), r.best().perStage());
        assertEquals(all.get(0).ms(), r.best().latencyMs(), 1e-9);
        assertEquals(all.get(1).ms(), r.runnerUp().latencyMs(), 1e-9);
        assertEquals(all.get(1).ms() - all.get(0).ms(), r.marginMs(), 1e-9);
    }

    @Test
    void paretoKeepsOnlyUndominatedPointsByIncreasingLatency() {
        record P(double ms, double acc) {
        }
        List<P> front = GranularitySearch.pareto(List.of(new P(3, 70), new P(1, 60), new P(2, 75), new P(4, 74),
                new P(2, 65), new P(5, 80)), P::ms, P::acc);
        assertEquals(List.of(new P(1, 60), new P(2, 75), new P(5, 80)), front);
    }

    @Test
    void everyValidChannelGroupOfEveryZooCnnCanBePredicted() {
        Predictor predictor = new Predictor(DeviceCatalog.load("tx2"), ModelVariant.LAUDNET, Schedule.defaults());
        for (String name : List.of("resnet50", "resnet101", "regnety-400mf", "regnety-800mf")) {
            SweepModel model = SweepWorkloads.model(name);
            int[][] all = model.stages().stream().map(SweepModel.StageShape::channelGroups).toArray(int[][]::new);
            // The reference's channel masker has inChannels / G outputs: G = 64 would leave
            // RegNetY-800MF's first block (32 input channels) none.
            assertEquals(true, java.util.Arrays.stream(all[0]).allMatch(g -> g <= 32 || !name.startsWith("regnety")));
            GranularitySearch.Result r = new GranularitySearch(predictor, model, Paradigm.CHANNEL,
                    new OptionSpace(all, true)).at(0.5);
            assertEquals(true, r.best().latencyMs() > 0 && r.marginMs() >= 0, name);
        }
    }
}
