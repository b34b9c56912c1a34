package dev.dynlat.predictor.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.profile.DeviceCatalog;
import dev.dynlat.operators.profile.DeviceProfile;
import dev.dynlat.predictor.dynamic.CnnDynamics;
import dev.dynlat.predictor.dynamic.DecisionDynamics;
import dev.dynlat.predictor.dynamic.Dynamics;
import dev.dynlat.predictor.dynamic.Paradigm;
import dev.dynlat.predictor.dynamic.VitDynamics;
import dev.dynlat.predictor.engine.Prediction;
import dev.dynlat.predictor.engine.Predictor;
import dev.dynlat.predictor.engine.TestProfiles;
import dev.dynlat.predictor.engine.Workload;
import dev.dynlat.predictor.format.JsonFormatter;
import dev.dynlat.predictor.format.PredictionSummary;
import dev.dynlat.predictor.schedule.Schedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code dynlat models export} writes files that load back to the same network: for every zoo
 * model, the exported file predicts byte-identical JSON on every built-in device, in both
 * variants, statically and with the model's dynamics.
 */
class ZooRoundTripTest {
    @TempDir
    Path tmp;

    static List<String> models() {
        return NetworkZoo.NAMES;
    }

    @ParameterizedTest
    @MethodSource("models")
    void exportedFilePredictsExactlyTheZooModel(String model) throws IOException {
        Network zoo = NetworkZoo.get(model);
        Path file = tmp.resolve(model + ".yaml");
        Files.writeString(file, NetworkWriter.write(zoo.description(), zoo.input()));
        Network loaded = NetworkLoader.load(file, 0);
        assertEquals(zoo.denseMacs(), loaded.denseMacs(), model + " MACs");
        for (DeviceProfile builtIn : DeviceCatalog.builtIns()) {
            for (ModelVariant v : ModelVariant.values()) {
                DeviceProfile p = v == ModelVariant.LAUDNET ? builtIn : TestProfiles.withNeutralCalibration(builtIn.name());
                Predictor predictor = new Predictor(p, v, Schedule.defaults().withBatch(2));
                for (boolean dynamic : new boolean[] {false, true}) {
                    String a = json(predictor, new Workload(zoo, dynamics(zoo, dynamic)));
                    String b = json(predictor, new Workload(loaded, dynamics(loaded, dynamic)));
                    assertEquals(a, b, model + " on " + p.name() + " " + v.id() + (dynamic ? " dynamic" : " static"));
                }
            }
        }
    }

    private static String json(Predictor p, Workload w) {
        Prediction pr = p.predict(w);
        return JsonFormatter.format(new PredictionSummary(pr, null));
    }

    private static Dynamics dynamics(Network n, boolean dynamic) {
        // DenseNets have no block any dynamics apply to (no residual conv block, no encoder)
        if (!dynamic || n.encoders().isEmpty() && n.residualStages().isEmpty()) {
            return Dynamics.NONE;
        }
        if (!n.encoders().isEmpty()) {
            return new VitDynamics(0.7, 0.5, 0.8);
        }
        if (!n.exits().isEmpty() || !n.decidedBlocks().isEmpty()) {
            // Seed networks: halving exit proportions, every decided block kept with probability 0.7.
            double[] p = new double[n.exits().size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = i == p.length - 1 ? Math.pow(0.5, i) : Math.pow(0.5, i + 1);
            }
            double[] k = new double[n.decidedBlocks().size()];
            Arrays.fill(k, 0.7);
            return new DecisionDynamics(p, k);
        }
        if (n.residualStages().isEmpty()) {
            return Dynamics.NONE;
        }
        int[] s = new int[n.residualStages().size()];
        Arrays.fill(s, 2);
        return CnnDynamics.uniform(Paradigm.SPATIAL, n, s, 0.4);
    }
}
