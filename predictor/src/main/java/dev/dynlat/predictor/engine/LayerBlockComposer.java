package dev.dynlat.predictor.engine;

import dev.dynlat.predictor.workload.Role;
import dev.dynlat.predictor.workload.OperatorUse;

import dev.dynlat.operators.spec.LayerGateSpec;
import dev.dynlat.predictor.dynamic.StageDynamics;
import dev.dynlat.predictor.schedule.Schedule;
import dev.dynlat.predictor.workload.ResidualBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * Layer skipping: the gate and the shortcut always run; the residual branch runs with probability
 * {@code rate}, so its expected cost is {@code rate ×} the dense branch.
 */
public final class LayerBlockComposer implements BlockComposer {
    @Override
    public List<OperatorUse> compose(ResidualBlock b, StageDynamics stage, double rate, Schedule schedule,
                                     boolean reference) {
        List<OperatorUse> ops = new ArrayList<>();
        ops.add(OperatorUse.once("layer gate", Role.MASKER, new LayerGateSpec(b.first())));
        ops.addAll(BlockParts.shortcut(b, reference));
        ops.addAll(BlockParts.denseBranch(b, rate));
        return ops;
    }
}
