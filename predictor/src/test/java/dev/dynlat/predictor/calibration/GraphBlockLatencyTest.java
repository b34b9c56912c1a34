package dev.dynlat.predictor.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.calibration.suite.BlockCase;
import dev.dynlat.calibration.suite.BlockParadigm;
import dev.dynlat.calibration.suite.CalibrationSuite;
import dev.dynlat.calibration.suite.GraphBlockLatency;
import dev.dynlat.operators.cost.CostModels;
import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.profile.DeviceCatalog;
import dev.dynlat.operators.profile.DeviceProfile;
import dev.dynlat.operators.profile.ProfileLoader;
import dev.dynlat.operators.spec.SpatialMaskerSpec;
import dev.dynlat.predictor.engine.TestProfiles;
import dev.dynlat.predictor.workload.OperatorUse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The calibration prices its blocks from the graphs it was handed, without calling back into the
 * predictor: the price must equal, bit for bit, the cost of the operators a network prediction
 * lowers the same block to, for the same variant.
 */
class GraphBlockLatencyTest {
    private static final List<BlockCase> BLOCKS = CalibrationSuite.fullWithBlocks().blocks();

    /** The operators a network prediction lowers the block to, costed directly (the masker fused, as the suite measures it). */
    private static double composedSeconds(BlockCase b, DeviceProfile profile, ModelVariant variant) {
        CostModels models = new CostModels(DeviceModel.of(profile, variant, 1));
        double seconds = 0;
        for (OperatorUse u : SuiteBlockNetworks.lowered(b, variant)) {
            double one = u.spec() instanceof SpatialMaskerSpec m ? models.fusedMasker(m).latencyS()
                    : models.cost(u.spec()).latencyS();
            seconds += one * u.weight();
        }
        return seconds;
    }

    @Test
    void blockPricesEqualTheComposedOperatorsCostsOnBothVariants() throws Exception {
        List<DeviceProfile> profiles = List.of(
                ProfileLoader.load(Path.of("..", "src", "calibration", "host-cpu", "host-cpu.yaml")),
                TestProfiles.withNeutralCalibration(DeviceCatalog.builtIns().get(0).name()));
        GraphBlockLatency model = new GraphBlockLatency();
        for (DeviceProfile p : profiles) {
            for (BlockCase b : BLOCKS) {
                for (ModelVariant v : ModelVariant.values()) {
                    double priced = model.predictSeconds(b, p, v);
                    assertTrue(priced > 0, b.key());
                    assertEquals(composedSeconds(b, p, v), priced, 0.0, b.key() + " " + v + " on " + p.name());
                }
            }
        }
    }

    @Test
    void eachVariantIsPricedOnItsOwnGraph() {
        // the laudnet channel masker is narrower than the calibrated one: the graphs differ
        BlockCase channel = BLOCKS.stream().filter(b -> b.paradigm() == BlockParadigm.CHANNEL).findFirst()
                .orElseThrow();
        assertNotEquals(channel.graph(ModelVariant.LAUDNET), channel.graph(ModelVariant.CALIBRATED));
    }
}
