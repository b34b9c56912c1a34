package dev.dynlat.predictor.execution;

import dev.dynlat.operators.graph.BlockRole;
import dev.dynlat.operators.graph.GraphNode;
import dev.dynlat.operators.graph.OperatorGraph;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The operators of one residual block's graph picked by their block roles, so the builder can wire
 * them in dataflow order (the composers list the shortcut and SE last; they run where their inputs
 * are ready). A role the native runner does not execute is refused with the operator named.
 */
record BlockOps(GraphNode spatialMasker, GraphNode gather, GraphNode scatter, GraphNode channelMasker,
                GraphNode layerGate, List<GraphNode> convs, GraphNode projection, GraphNode residualAdd,
                GraphNode se) {
    private static final Set<BlockRole> EXECUTABLE = EnumSet.of(BlockRole.SPATIAL_MASKER, BlockRole.GATHER,
            BlockRole.SCATTER, BlockRole.CHANNEL_MASKER, BlockRole.LAYER_GATE, BlockRole.CONV, BlockRole.PROJECTION,
            BlockRole.RESIDUAL_ADD, BlockRole.SQUEEZE_EXCITATION);

    static BlockOps of(OperatorGraph graph) {
        for (GraphNode n : graph.nodes()) {
            if (!EXECUTABLE.contains(n.role())) {
                throw new UnsupportedOperationException("operator " + n.name() + " (" + n.spec().kind()
                        + "): not executable by the native network runner");
            }
        }
        BlockOps ops = new BlockOps(graph.single(BlockRole.SPATIAL_MASKER), graph.single(BlockRole.GATHER),
                graph.single(BlockRole.SCATTER), graph.single(BlockRole.CHANNEL_MASKER),
                graph.single(BlockRole.LAYER_GATE), graph.withRole(BlockRole.CONV), graph.single(BlockRole.PROJECTION),
                graph.single(BlockRole.RESIDUAL_ADD), graph.single(BlockRole.SQUEEZE_EXCITATION));
        if (ops.scatter == null && ops.residualAdd == null) {
            throw new UnsupportedOperationException("block without a residual add or scatter-add: " + graph.nodes());
        }
        return ops;
    }

    /** Expected executions of the residual branch (the layer gate's rate; 1 otherwise). */
    double branchWeight() {
        return convs.isEmpty() ? 1 : convs.get(0).probability();
    }
}
