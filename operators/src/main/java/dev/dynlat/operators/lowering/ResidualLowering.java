package dev.dynlat.operators.lowering;

import dev.dynlat.operators.graph.OperatorGraph;
import java.util.EnumMap;
import java.util.Map;

/**
 * The one lowering of a residual block to its operator graph, shared by predictions, native
 * programs and calibration blocks: the composer of the block's {@link BlockMode} builds the graph
 * (operators, block roles, run probabilities, tensor ids), and the {@link Composition} decides
 * where the reference predictor and the training code compose blocks differently.
 */
public final class ResidualLowering {
    private static final Map<BlockMode, BlockComposer> COMPOSERS = new EnumMap<>(Map.of(
            BlockMode.STATIC, new StaticBlockComposer(),
            BlockMode.SPATIAL, new SpatialBlockComposer(),
            BlockMode.CHANNEL, new ChannelBlockComposer(),
            BlockMode.LAYER, new LayerBlockComposer(),
            BlockMode.POLICY, new PolicyBlockComposer()));

    private ResidualLowering() {
    }

    /** The operator graph of {@code block} under {@code dynamics} and {@code schedule}, composed by {@code composition}. */
    public static OperatorGraph lower(BlockDescription block, BlockDynamics dynamics, BlockSchedule schedule,
                                      Composition composition) {
        return COMPOSERS.get(dynamics.mode()).compose(block, dynamics, schedule, composition);
    }

    /**
     * Index, in the listing order of a {@link BlockMode#POLICY} graph of {@code block}, of the first
     * operator of the residual branch: the operators from there on are the ones the policy gates.
     */
    public static int policyBranchFrom(BlockDescription block, Composition composition) {
        return PolicyBlockComposer.conditionalFrom(block, composition);
    }
}
