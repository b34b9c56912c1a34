package dev.dynlat.predictor.workload;

/**
 * A node after shape inference: what the engine lowers. Nodes are data; the engine's lowering
 * visits them ({@link Visitor}), so adding a node type is a compile error wherever it must be
 * handled rather than a missed {@code instanceof}.
 */
public sealed interface NetworkNode
        permits OperatorNode, ResidualBlockNode, FixedBlockNode, EncoderNode, ExitNode, PolicyNode {

    String id();

    /** The kind as a network file names it ({@code conv}, {@code bottleneck}, {@code exit}). */
    String kind();

    /** The tensor the node hands to the next node of the main path (its input for exits and policies). */
    Shape output();

    /** Dense multiply-accumulates of one sample, by the official counting (conv + linear + matmul). */
    double macs();

    /** Weights (conv, linear and SE parameters; biases and norms excluded). */
    double weights();

    /** Whether the node is a block of the backbone: its own entry in predictions, part of "blocks only". */
    boolean backboneBlock();

    <T> T accept(Visitor<T> visitor);

    /** One method per node type. */
    interface Visitor<T> {
        T operator(OperatorNode n);

        T residualBlock(ResidualBlockNode n);

        T fixedBlock(FixedBlockNode n);

        T encoder(EncoderNode n);

        T exit(ExitNode n);

        T policy(PolicyNode n);
    }
}
