package dev.dynlat.predictor.calibration;

import dev.dynlat.calibration.suite.BlockCase;
import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.predictor.dynamic.CnnDynamics;
import dev.dynlat.predictor.dynamic.Paradigm;
import dev.dynlat.predictor.engine.LoweredNode;
import dev.dynlat.predictor.engine.Workload;
import dev.dynlat.predictor.execution.ProgramBuilder;
import dev.dynlat.predictor.workload.Network;
import dev.dynlat.predictor.workload.OperatorUse;
import java.util.List;

/**
 * A calibration block lowered the way a network prediction lowers it: the suite's block as a
 * one-block network ({@link NativeBlockSequences#network}) under its paradigm, through the
 * predictor's own network lowering with the native schedule. Tests compare the suite's graphs
 * with this, so the two paths (suite → core lowering, network → predictor → core lowering) must agree.
 */
final class SuiteBlockNetworks {
    private SuiteBlockNetworks() {
    }

    /** The operators the predictor lowers {@code b} to under {@code variant}. */
    static List<OperatorUse> lowered(BlockCase b, ModelVariant variant) {
        Network net = NativeBlockSequences.network(b);
        Paradigm p = Paradigm.valueOf(b.paradigm().name());
        int option = p == Paradigm.LAYER ? 1 : b.granularity();
        Workload w = new Workload(net, CnnDynamics.uniform(p, net, new int[] {option}, b.rate()));
        return LoweredNode.of(w, ProgramBuilder.SCHEDULE, variant, 1).get(0).operators();
    }
}
