package dev.dynlat.predictor.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dynlat.calibration.network.NativeNetwork;
import dev.dynlat.calibration.suite.BlockCase;
import dev.dynlat.calibration.suite.CalibrationSuite;
import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.predictor.engine.LoweredNode;
import dev.dynlat.predictor.engine.Workload;
import dev.dynlat.predictor.dynamic.CnnDynamics;
import dev.dynlat.predictor.dynamic.Paradigm;
import dev.dynlat.predictor.workload.Network;
import dev.dynlat.predictor.workload.OperatorUse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Calibration blocks timed as one native sequence of the lowering the block prediction costs. */
class NativeBlockTimerTest {
    @Test
    void theOneBlockNetworkLowersToTheOperatorsThePredictionCosts() {
        for (BlockCase b : CalibrationSuite.quick(ComposerBlockLowering::lower).blocks()) {
            Network net = NativeBlockTimer.network(b);
            Paradigm p = Paradigm.valueOf(b.paradigm().name());
            int option = p == Paradigm.LAYER ? 1 : b.granularity();
            Workload w = new Workload(net, CnnDynamics.uniform(p, net, new int[] {option}, b.rate()));
            List<OperatorUse> lowered = LoweredNode.of(w, ComposerBlockLowering.SCHEDULE, ModelVariant.CALIBRATED, 1)
                    .get(0).operators();
            List<OperatorUse> predicted = ComposerBlockLowering.operators(b, ModelVariant.CALIBRATED);
            assertEquals(predicted.stream().map(OperatorUse::spec).toList(),
                    lowered.stream().map(OperatorUse::spec).toList(), b.key());
        }
    }

    @Test
    void everyBlockKindIsTimedAsOneSequence() {
        assumeTrue(NativeNetwork.unavailableReason() == null, "native cpu library not built");
        for (BlockCase b : CalibrationSuite.quick(ComposerBlockLowering::lower).blocks()) {
            double[] t = new NativeBlockTimer().timer(b).run(1, 3);
            assertEquals(3, t.length);
            for (double v : t) {
                assertTrue(v > 0 && Double.isFinite(v), b.key() + ": " + v);
            }
        }
    }
}
