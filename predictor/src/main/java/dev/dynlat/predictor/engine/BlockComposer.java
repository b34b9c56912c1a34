package dev.dynlat.predictor.engine;

import dev.dynlat.predictor.workload.OperatorUse;

import dev.dynlat.predictor.dynamic.StageDynamics;
import dev.dynlat.predictor.schedule.Schedule;
import dev.dynlat.predictor.workload.ResidualBlock;
import java.util.List;

/**
 * Turns a residual block and its dynamic behaviour into the operators a scheduler would run.
 * One implementation per paradigm; the variant decides whether the reference's composition
 * defects are reproduced.
 */
public interface BlockComposer {
    List<OperatorUse> compose(ResidualBlock block, StageDynamics stage, double rate, Schedule schedule,
                              boolean reference);
}
