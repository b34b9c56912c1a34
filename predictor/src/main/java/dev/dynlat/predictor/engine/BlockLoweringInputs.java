package dev.dynlat.predictor.engine;

import dev.dynlat.operators.lowering.BlockDynamics;
import dev.dynlat.operators.lowering.BlockSchedule;
import dev.dynlat.predictor.dynamic.Paradigm;
import dev.dynlat.predictor.dynamic.StageDynamics;
import dev.dynlat.predictor.schedule.Schedule;

/**
 * The predictor's view of a block's dynamics and schedule mapped onto the core lowering's
 * ({@link dev.dynlat.operators.lowering.ResidualLowering}); the block itself maps by
 * {@link dev.dynlat.predictor.workload.ResidualBlock#description()}. The one place where the
 * predictor's paradigms, stage options and schedule meet the lowering's vocabulary.
 */
public final class BlockLoweringInputs {
    private BlockLoweringInputs() {
    }

    /** A block of a stage under {@code paradigm} with {@code stage}'s option, at activation {@code rate}. */
    public static BlockDynamics dynamics(Paradigm paradigm, StageDynamics stage, double rate) {
        return switch (paradigm) {
            case STATIC -> BlockDynamics.dense();
            case SPATIAL -> BlockDynamics.spatial(stage.granularity(), rate);
            case CHANNEL -> BlockDynamics.channel(stage.channelGroup(), rate);
            case LAYER -> BlockDynamics.layer(rate);
        };
    }

    /** The choices of {@code schedule} that change a block's operators. */
    public static BlockSchedule schedule(Schedule schedule) {
        return new BlockSchedule(schedule.gather() == Schedule.GatherMode.KERNEL, schedule.scatterAddFused(),
                schedule.channelMaskerLayers());
    }
}
