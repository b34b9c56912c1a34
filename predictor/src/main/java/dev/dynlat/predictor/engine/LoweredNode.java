package dev.dynlat.predictor.engine;

import dev.dynlat.operators.lowering.Composition;
import dev.dynlat.predictor.schedule.Schedule;
import dev.dynlat.predictor.workload.NetworkNode;
import dev.dynlat.predictor.workload.OperatorUse;
import java.util.List;

/**
 * One node of a network with the operators the engine lowers it to, in the order its composer
 * listed them (the same list a prediction costs).
 *
 * @param stage     the stage the node belongs to
 * @param node      the resolved node
 * @param graph     the node's operator graph (roles and dataflow) when it is a residual block, else null
 * @param operators its operators, each with its expected executions per inference
 */
public record LoweredNode(String stage, NetworkNode node, dev.dynlat.operators.graph.OperatorGraph graph,
                          List<OperatorUse> operators) {
    public LoweredNode {
        operators = List.copyOf(operators);
    }

    /**
     * The lowering {@link Predictor} uses, node by node, at batch {@code batch} with {@code schedule}
     * and the composition of {@code variant}.
     */
    public static List<LoweredNode> of(Workload workload, Schedule schedule,
                                       dev.dynlat.operators.model.ModelVariant variant, int batch) {
        NetworkLowering lowering = new NetworkLowering(workload, schedule, Composition.of(variant), batch);
        return lowering.lowerNodes(workload.network());
    }
}
