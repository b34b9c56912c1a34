package dev.dynlat.predictor.execution;

import dev.dynlat.operators.graph.BlockRole;
import dev.dynlat.operators.graph.GraphNode;
import dev.dynlat.operators.graph.OperatorGraph;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The operators of one residual block's graph picked by their block roles, so the builder can wire
 * them in dataflow order. The composers list the shortcut and SE last; the tensor ids say where
 * they run (the shortcut is the residual add's second operand, SE reads one body conv's output).
 * A role the native runner does not execute is refused with the operator named.
 *
 * @param projection the operator writing the shortcut, or null when the shortcut is the block input
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
        GraphNode add = graph.single(BlockRole.RESIDUAL_ADD);
        GraphNode scatter = graph.single(BlockRole.SCATTER);
        GraphNode joins = add != null ? add : scatter;
        if (joins == null || joins.inputs().size() != 2) {
            throw new UnsupportedOperationException("block without a two-operand residual add or scatter-add: "
                    + graph.nodes());
        }
        GraphNode projection = graph.producer(joins.inputs().get(1));
        if (projection != null && projection.role() != BlockRole.PROJECTION) {
            throw new UnsupportedOperationException("operator " + projection.name() + ": a shortcut other than the"
                    + " block input or a projection is not executable by the native network runner");
        }
        BlockOps ops = new BlockOps(graph.single(BlockRole.SPATIAL_MASKER), graph.single(BlockRole.GATHER), scatter,
                graph.single(BlockRole.CHANNEL_MASKER), graph.single(BlockRole.LAYER_GATE),
                graph.withRole(BlockRole.CONV), projection, add, graph.single(BlockRole.SQUEEZE_EXCITATION));
        if (ops.se != null && ops.convs.stream().noneMatch(ops::rescales)) {
            throw new UnsupportedOperationException("operator " + ops.se.name() + ": squeeze-excitation of a tensor"
                    + " no body conv writes is not executable by the native network runner");
        }
        return ops;
    }

    /** Whether the block's SE rescales {@code conv}'s output. */
    boolean rescales(GraphNode conv) {
        return se != null && se.inputs().get(0) == conv.output();
    }

    /** Expected executions of the residual branch (the layer gate's rate; 1 otherwise). */
    double branchWeight() {
        return convs.isEmpty() ? 1 : convs.get(0).probability();
    }
}
