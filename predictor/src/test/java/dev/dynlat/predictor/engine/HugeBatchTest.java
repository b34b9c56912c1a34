package dev.dynlat.predictor.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.profile.DeviceCatalog;
import dev.dynlat.operators.profile.DeviceProfile;
import dev.dynlat.predictor.schedule.Schedule;
import dev.dynlat.predictor.workload.NetworkZoo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every zoo model at batch 2^31−1 on every built-in device (and the committed host calibration)
 * gets finite, non-negative times in every operator: counts never overflow.
 */
class HugeBatchTest {
    static List<String> models() {
        return NetworkZoo.NAMES;
    }

    @ParameterizedTest
    @MethodSource("models")
    void finiteNonNegativeAtTheLargestBatch(String model) {
        List<DeviceProfile> devices = new ArrayList<>(DeviceCatalog.builtIns());
        devices.add(DeviceCatalog.load(Path.of("..", "src", "calibration", "host-cpu", "host-cpu.yaml").toString()));
        Workload w = Workload.dense(NetworkZoo.get(model));
        for (DeviceProfile p : devices) {
            ModelVariant v = Predictor.defaultVariant(p);
            Prediction pr = new Predictor(p, v, Schedule.defaults().withBatch(Integer.MAX_VALUE)).predict(w);
            for (OperatorPrediction o : pr.allOperators()) {
                String where = model + " on " + p.name() + ": " + o.name();
                assertTrue(Double.isFinite(o.latencyMs()) && o.latencyMs() >= 0, where + " latency " + o.latencyMs());
                assertTrue(o.computeMs() >= 0 && o.memoryMs() >= 0, where + " compute/memory");
            }
            assertTrue(pr.latencyMs() > 0 && Double.isFinite(pr.latencyMs()), model + " on " + p.name());
        }
    }
}
