package dev.dynlat.predictor.engine;

import dev.dynlat.operators.graph.OperatorGraph;
import dev.dynlat.predictor.dynamic.StageDynamics;
import dev.dynlat.predictor.schedule.Schedule;
import dev.dynlat.predictor.workload.ResidualBlock;

/**
 * Turns a residual block and its dynamic behaviour into the operator graph a scheduler would run:
 * operators with their block roles, run probabilities and dataflow. One implementation per
 * paradigm; {@code composition} decides where the reference's composition and the training
 * code's differ.
 */
public interface BlockComposer {
    OperatorGraph compose(ResidualBlock block, StageDynamics stage, double rate, Schedule schedule,
                          Composition composition);
}
