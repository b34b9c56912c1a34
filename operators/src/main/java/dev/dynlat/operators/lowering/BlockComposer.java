package dev.dynlat.operators.lowering;

import dev.dynlat.operators.graph.OperatorGraph;

/**
 * Turns a residual block and its dynamic behaviour into the operator graph a scheduler would run:
 * operators with their block roles, run probabilities and dataflow. One implementation per
 * {@link BlockMode}, found through {@link ResidualLowering}; {@code composition} decides where the
 * reference's composition and the training code's differ.
 */
interface BlockComposer {
    OperatorGraph compose(BlockDescription block, BlockDynamics dynamics, BlockSchedule schedule,
                          Composition composition);
}
