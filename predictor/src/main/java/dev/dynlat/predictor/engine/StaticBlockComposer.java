package dev.dynlat.predictor.engine;

import dev.dynlat.predictor.workload.OperatorUse;

import dev.dynlat.predictor.dynamic.StageDynamics;
import dev.dynlat.predictor.schedule.Schedule;
import dev.dynlat.predictor.workload.ResidualBlock;
import java.util.ArrayList;
import java.util.List;

/** The dense block. */
public final class StaticBlockComposer implements BlockComposer {
    @Override
    public List<OperatorUse> compose(ResidualBlock b, StageDynamics stage, double rate, Schedule schedule,
                                     boolean reference) {
        List<OperatorUse> ops = new ArrayList<>(BlockParts.denseBranch(b, 1));
        ops.addAll(ops.size() - (b.hasSe() ? 1 : 0), BlockParts.shortcut(b, reference));
        return ops;
    }
}
