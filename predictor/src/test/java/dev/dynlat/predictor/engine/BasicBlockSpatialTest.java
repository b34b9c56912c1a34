package dev.dynlat.predictor.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.predictor.dynamic.CnnDynamics;
import dev.dynlat.predictor.dynamic.Paradigm;
import dev.dynlat.predictor.schedule.Schedule;
import dev.dynlat.predictor.workload.Network;
import dev.dynlat.predictor.workload.NetworkLoader;
import dev.dynlat.predictor.workload.NetworkZoo;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Spatial skipping on basic blocks: the masker's conv1 is the block's 3×3 conv and must be costed
 * as one. At rate 1 every position runs, so gather, scatter and masker only add: the dynamic
 * network may not be faster than the static one (it was 1.5× "faster" when conv1 was costed as
 * a 1×1).
 */
class BasicBlockSpatialTest {
    private static Network network(String model) {
        return model.endsWith(".yaml") ? NetworkLoader.load(Path.of("..", "src", "examples", "networks", model), 0)
                : NetworkZoo.get(model);
    }

    /**
     * S = 1, 2 and 4; in the laudnet variant at batch 128 only S = 1 and 2. The reference fills an
     * SM's 256 lanes with one image's outputs in a dense conv but with the whole batch's in a patch
     * conv. On resnet110's 64-channel 8×8 maps one image has 4096 outputs, so at most 16 dense tiles
     * fill their lanes (16 of 80 SMs busy: 32x1x8, 0.218 ms), while the rate-1 S = 4 patch conv
     * runs 13x1x1 tiles of 3 patches on all 80 (0.111 ms): a property of the reference kept for
     * parity (either lane rule changed breaks 96 to 134 of its rows), not of the basic block (the
     * calibrated variant passes at every S).
     */
    private static int[] granularities(ModelVariant v, String device) {
        return v == ModelVariant.LAUDNET && device.equals("v100") ? new int[] {1, 2} : new int[] {1, 2, 4};
    }

    @ParameterizedTest
    @CsvSource({"wrn-28-10.yaml, tx2", "wrn-28-10.yaml, v100", "resnet110, tx2", "resnet110, v100",
        "resnet32, tx2", "resnet10, tx2"})
    void spatialAtRateOneIsNoFasterThanStatic(String model, String device) {
        Network net = network(model);
        for (ModelVariant v : ModelVariant.values()) {
            Predictor p = new Predictor(TestProfiles.withNeutralCalibration(device), v, Schedule.defaults());
            double dense = p.predict(Workload.dense(net)).latencyMs();
            for (int s : granularities(v, device)) {
                int[] perStage = new int[net.residualStages().size()];
                java.util.Arrays.fill(perStage, s);
                Prediction dyn = p.predict(new Workload(net, CnnDynamics.uniform(Paradigm.SPATIAL, net, perStage, 1.0)));
                assertTrue(dyn.latencyMs() >= 0.98 * dense, String.format(Locale.ROOT,
                        "%s on %s (%s) S=%d rate 1: spatial %.4f ms vs static %.4f ms", model, device, v.id(), s,
                        dyn.latencyMs(), dense));
                assertTrue(dyn.executedMacs() >= 0.999 * p.predict(Workload.dense(net)).executedMacs(),
                        "at rate 1 every conv1 pixel is computed (3x3, not 1x1): " + dyn.executedMacs());
            }
        }
    }
}
