package dev.dynlat.operators.graph;

import dev.dynlat.operators.spec.OperatorSpec;
import java.util.List;

/**
 * One operator of an {@link OperatorGraph}: what it computes, what it does in its block, which
 * tensors it reads and the one tensor it writes.
 *
 * @param name        label shown in breakdowns and native step names
 * @param role        what the operator does in its block
 * @param spec        the operator's shape and kind
 * @param inputs      ids of the tensors it reads, in operand order
 * @param output      id of the tensor it writes
 * @param probability expected executions per inference of the block (1, or the rate of a gated branch)
 */
public record GraphNode(String name, BlockRole role, OperatorSpec spec, List<Integer> inputs, int output,
                        double probability) {
    public GraphNode {
        inputs = List.copyOf(inputs);
        if (!(probability >= 0)) {
            throw new IllegalArgumentException(name + ": probability must be >= 0, got " + probability);
        }
    }
}
