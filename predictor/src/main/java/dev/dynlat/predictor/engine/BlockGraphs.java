package dev.dynlat.predictor.engine;

import dev.dynlat.operators.graph.BlockRole;
import dev.dynlat.operators.graph.GraphNode;
import dev.dynlat.operators.graph.OperatorGraph;
import dev.dynlat.predictor.workload.OperatorUse;
import dev.dynlat.predictor.workload.Role;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The flat view of a block's operator graph that predictions cost and break down. */
public final class BlockGraphs {
    /** Which breakdown group each block role falls in; roles not listed are dense. */
    private static final Map<BlockRole, Role> BREAKDOWN = new EnumMap<>(Map.of(
            BlockRole.SPATIAL_MASKER, Role.MASKER,
            BlockRole.CHANNEL_MASKER, Role.MASKER,
            BlockRole.LAYER_GATE, Role.MASKER,
            BlockRole.GATHER, Role.GATHER,
            BlockRole.CONV, Role.CONV,
            BlockRole.SCATTER, Role.SCATTER));

    private BlockGraphs() {
    }

    /** The breakdown group of {@code role}. */
    public static Role breakdown(BlockRole role) {
        return BREAKDOWN.getOrDefault(role, Role.DENSE);
    }

    /** The graph's operators in listing order, each with its run probability as its weight. */
    public static List<OperatorUse> uses(OperatorGraph graph) {
        List<OperatorUse> out = new ArrayList<>(graph.nodes().size());
        for (GraphNode n : graph.nodes()) {
            out.add(new OperatorUse(n.name(), breakdown(n.role()), n.spec(), n.probability()));
        }
        return out;
    }
}
