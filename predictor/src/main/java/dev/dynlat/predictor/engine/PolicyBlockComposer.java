package dev.dynlat.predictor.engine;

import dev.dynlat.predictor.dynamic.StageDynamics;
import dev.dynlat.predictor.schedule.Schedule;
import dev.dynlat.predictor.workload.OperatorUse;
import dev.dynlat.predictor.workload.ResidualBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * A block a policy network decides (BlockDrop): the shortcut always runs (a stage's first block
 * keeps its projection or pooling even when dropped), the residual branch runs with probability
 * {@code rate}. The shortcut comes first, so {@link #conditionalFrom} tells where the gated part
 * starts. There is no gate of its own: the policy ran once before the backbone.
 */
final class PolicyBlockComposer implements BlockComposer {
    @Override
    public List<OperatorUse> compose(ResidualBlock b, StageDynamics stage, double rate, Schedule schedule,
                                     boolean reference) {
        List<OperatorUse> ops = new ArrayList<>(BlockParts.shortcut(b, reference));
        ops.addAll(BlockParts.denseBranch(b, rate));
        return ops;
    }

    /** Index of the first operator of the residual branch in {@link #compose}'s list. */
    static int conditionalFrom(ResidualBlock b, boolean reference) {
        return BlockParts.shortcut(b, reference).size();
    }
}
