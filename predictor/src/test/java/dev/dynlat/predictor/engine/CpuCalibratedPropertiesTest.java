package dev.dynlat.predictor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.profile.DeviceKind;
import dev.dynlat.operators.profile.DeviceProfile;
import dev.dynlat.operators.profile.ProfileLoader;
import dev.dynlat.predictor.dynamic.CnnDynamics;
import dev.dynlat.predictor.dynamic.Paradigm;
import dev.dynlat.predictor.schedule.Schedule;
import dev.dynlat.predictor.workload.NetworkZoo;
import dev.dynlat.predictor.workload.Network;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The calibrated variant on a CPU (the committed calibration of the development machine, which
 * costs convolutions as the CPU kernel library runs them): latency is non-decreasing in the rate
 * of every block, for every paradigm, and layer skipping stays fixed cost plus rate × branch.
 */
class CpuCalibratedPropertiesTest {
    /** The committed calibration run (repository data, not a test fixture typed in). */
    static DeviceProfile host() {
        DeviceProfile p = ProfileLoader.load(Path.of("..", "src", "calibration", "host-cpu", "host-cpu.yaml"));
        assertEquals(DeviceKind.CPU, p.kind());
        assertTrue(p.calibrated().isPresent());
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"resnet50", "regnety-400mf", "regnety-800mf"})
    void latencyIsNonDecreasingInRate(String model) {
        Network net = NetworkZoo.get(model);
        Predictor pr = new Predictor(host(), ModelVariant.CALIBRATED, Schedule.defaults());
        int[][] spatial = {{1, 1, 1, 1}, {2, 2, 2, 2}, {4, 4, 4, 4}, {8, 8, 8, 7}, {56, 28, 14, 7}};
        int[][] channel = {{1, 1, 1, 1}, {2, 2, 2, 2}, {4, 4, 4, 4}};
        for (Paradigm p : new Paradigm[] {Paradigm.SPATIAL, Paradigm.CHANNEL, Paradigm.LAYER}) {
            int[][] options = p == Paradigm.SPATIAL ? spatial : p == Paradigm.CHANNEL ? channel : new int[][] {{1, 1, 1, 1}};
            for (int[] per : options) {
                double[] prev = null;
                for (int k = 0; k <= 20; k++) {
                    double rate = k / 20.0;
                    double[] cur = pr.predict(new Workload(net, CnnDynamics.uniform(p, net, per, rate))).stages().stream()
                            .filter(StagePrediction::residual).flatMap(s -> s.blocks().stream())
                            .mapToDouble(BlockPrediction::latencyMs).toArray();
                    if (prev != null) {
                        for (int b = 0; b < cur.length; b++) {
                            assertTrue(cur[b] >= prev[b] * (1 - 1e-12), String.format(Locale.ROOT,
                                    "%s %s %s block %d: %.6f ms at rate %.2f < %.6f ms at rate %.2f", model, p.id(),
                                    java.util.Arrays.toString(per), b, cur[b], rate, prev[b], rate - 0.05));
                        }
                    }
                    prev = cur;
                }
            }
        }
    }
}
