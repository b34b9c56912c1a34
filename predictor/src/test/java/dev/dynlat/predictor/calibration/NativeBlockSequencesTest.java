package dev.dynlat.predictor.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dynlat.calibration.network.NativeNetwork;
import dev.dynlat.calibration.suite.BlockCase;
import dev.dynlat.calibration.suite.BlockParadigm;
import dev.dynlat.calibration.suite.BlockSequence;
import dev.dynlat.predictor.engine.BlockGraphs;
import dev.dynlat.calibration.suite.CalibrationSuite;
import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.predictor.engine.BlockLoweringInputs;
import dev.dynlat.predictor.execution.ProgramBuilder;
import dev.dynlat.predictor.workload.OperatorUse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Calibration blocks timed as one native sequence of the lowering the block prediction costs. */
class NativeBlockSequencesTest {
    @Test
    void theOneBlockNetworkLowersToTheOperatorsThePredictionCosts() {
        for (BlockCase b : CalibrationSuite.quickWithBlocks().blocks()) {
            for (ModelVariant v : ModelVariant.values()) {
                List<OperatorUse> lowered = SuiteBlockNetworks.lowered(b, v);
                // the graph the suite measures and prices
                List<OperatorUse> predicted = BlockGraphs.uses(b.graph(v));
                assertEquals(predicted, lowered, b.key() + " " + v);
            }
        }
    }

    @Test
    void theSuiteLowersItsBlocksWithTheScheduleTheNativeProgramsRun() {
        assertEquals(BlockLoweringInputs.schedule(ProgramBuilder.SCHEDULE), CalibrationSuite.BLOCK_SCHEDULE);
    }

    @Test
    void aLayerSkippedBlockIsItsExecutedAndSkippedProgramsWeightedByTheRate() {
        for (BlockCase b : CalibrationSuite.quickWithBlocks().blocks()) {
            BlockSequence s = NativeBlockSequences.of(b);
            if (b.paradigm() == BlockParadigm.LAYER) {
                assertEquals(List.of(b.rate(), 1 - b.rate()), s.parts().stream().map(BlockSequence.Part::weight)
                        .toList(), b.key());
                assertTrue(s.parts().get(0).program().steps().size() > s.parts().get(1).program().steps().size(),
                        b.key() + ": the skipped path runs fewer steps");
            } else {
                assertEquals(1, s.parts().size(), b.key());
                assertEquals(1.0, s.parts().get(0).weight());
            }
        }
    }

    @Test
    void everyBlockKindIsTimedAsOneSequence() {
        assumeTrue(NativeNetwork.unavailableReason() == null, "native cpu library not built");
        for (BlockCase b : CalibrationSuite.quickWithBlocks().blocks()) {
            double[] t = NativeBlockSequences.of(b).timedRun().run(1, 3);
            assertEquals(3, t.length);
            for (double v : t) {
                assertTrue(v > 0 && Double.isFinite(v), b.key() + ": " + v);
            }
        }
    }
}
