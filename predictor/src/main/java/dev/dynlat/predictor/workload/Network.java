package dev.dynlat.predictor.workload;

/** A network of the zoo: a residual CNN or a vision transformer. */
public sealed interface Network permits ResidualNetwork, VisionTransformer {
    String name();

    /** Dense multiply-accumulates of one sample, by the official counting (conv + linear). */
    double denseMacs();
}
