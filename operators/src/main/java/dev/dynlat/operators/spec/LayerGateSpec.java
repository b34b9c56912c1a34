package dev.dynlat.operators.spec;

/**
 * The gate that decides whether a residual block runs: a masker with one cell per sample, run on
 * the block input (in LAUDNet, the spatial masker at granularity = feature-map size). {@code conv1}
 * is the block's first conv, whose input the gate reads.
 */
public record LayerGateSpec(Conv2dSpec conv1) implements OperatorSpec {
    public LayerGateSpec {
        java.util.Objects.requireNonNull(conv1, "conv1");
    }

    @Override
    public String kind() {
        return "layer-gate";
    }

    @Override
    public double macsPerSample() {
        return 2.0 * conv1.inChannels() * conv1.inHeight() * conv1.inWidth();
    }
}
