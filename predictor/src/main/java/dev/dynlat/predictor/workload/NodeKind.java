package dev.dynlat.predictor.workload;

import java.util.List;

/**
 * One kind of node ({@code conv}, {@code bottleneck}, …): its form, its parameter schema, how
 * many inputs it takes, and how it infers its output and builds its {@link NetworkNode}.
 */
public interface NodeKind {
    String name();

    NodeDescription.Form form();

    List<Param> params();

    /** Fewest and most inputs. */
    int minInputs();

    int maxInputs();

    /**
     * Infers the node's output from its input shapes and builds it; records a problem on
     * {@code ctx} and returns null when the inputs do not fit.
     */
    NetworkNode resolve(ResolveContext ctx, Params p, List<Shape> inputs);
}
