package dev.dynlat.predictor.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.profile.DeviceCatalog;
import dev.dynlat.predictor.dynamic.Paradigm;
import dev.dynlat.predictor.engine.Predictor;
import dev.dynlat.predictor.engine.Workload;
import dev.dynlat.predictor.schedule.Schedule;
import dev.dynlat.predictor.workload.Network;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sweeps of a network whose backbone has stages without a residual shortcut (MobileNetV2's first
 * stage: one block, 32 to 16 channels): that stage is fixed cost, so the static row is the static
 * prediction (speedup 1.000) and every point's fixed part plus its swept stages is its latency.
 */
class NonResidualStagesTest {
    private static final String FILE = Path.of("..", "src", "examples", "networks", "mobilenetv2.yaml").toString();

    @ParameterizedTest
    @ValueSource(strings = {"tx2", "v100"})
    void theStaticRowIsTheStaticPrediction(String device) {
        SweepModel model = SweepWorkloads.model(FILE);
        Network net = (Network) model.network();
        assertTrue(net.residualStages().size() < net.stages().stream().filter(Network.NetworkStage::residual).count(),
                "the example has a backbone stage that no dynamic mode addresses");
        Predictor p = new Predictor(DeviceCatalog.load(device), ModelVariant.LAUDNET, Schedule.defaults());
        double dense = p.predict(Workload.dense(net)).latencyMs();
        StageTable t = StageTable.of(p, model, Paradigm.STATIC, OptionSpace.single(model.stages().size()), 1);
        assertEquals(dense, t.latencyMs(new int[model.stages().size()]), 1e-9 * dense, "static row = static prediction");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tx2", "v100"})
    void everySweepPointAddsUpToItsLatency(String device) {
        Network net = (Network) SweepWorkloads.model(FILE).network();
        Predictor p = new Predictor(DeviceCatalog.load(device), ModelVariant.LAUDNET, Schedule.defaults());
        RateSweep sweep = new RateSweep(p, net, Paradigm.SPATIAL);
        List<SweepPoint> points = sweep.run(new int[] {1, 2}, new double[] {0.5, 1.0});
        double fixed = points.get(0).latencyMs() - points.get(0).blocksLatencyMs();
        for (SweepPoint pt : points) {
            double stages = java.util.Arrays.stream(pt.stageLatencyMs()).sum();
            assertEquals(pt.latencyMs(), fixed + stages, 1e-9 * pt.latencyMs(), pt.option() + " at " + pt.rate());
        }
        // With one option, the best per stage is that option itself: every stage kept.
        List<SweepPoint> one = sweep.run(new int[] {2}, new double[] {1.0});
        SweepPoint best = sweep.bestPerStage(one, 1.0);
        assertEquals(one.get(0).latencyMs(), best.latencyMs(), 1e-9 * best.latencyMs(), "best per stage of one option");
    }
}
