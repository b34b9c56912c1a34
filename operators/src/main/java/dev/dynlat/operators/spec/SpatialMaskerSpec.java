package dev.dynlat.operators.spec;

/**
 * The spatial masker of a block together with the block's first 1×1 conv, which share their
 * input. Either the mask channel is fused into conv1 (a dense conv1 with one more output
 * channel), or the masker is a separate 1×1 conv (to 2 channels) followed by conv1 on the active
 * patches only, reading the full map by indexing. The cost model takes the faster and says which.
 *
 * @param conv1 the dense conv1 shape
 * @param granularity S of the block
 * @param density activation rate
 * @param nextKernel kernel size of the conv that consumes conv1's output (halo for it)
 */
public record SpatialMaskerSpec(Conv2dSpec conv1, int granularity, double density, int nextKernel)
        implements OperatorSpec {
    public SpatialMaskerSpec {
        java.util.Objects.requireNonNull(conv1, "conv1");
        Check.positive("granularity", granularity);
        Check.fraction("rate", density);
        Check.positive("next_kernel", nextKernel);
    }

    public SpatialMaskerSpec atRate(double rate) {
        return new SpatialMaskerSpec(conv1, granularity, rate, nextKernel);
    }

    @Override
    public String kind() {
        return "spatial-masker";
    }

    @Override
    public double macsPerSample() {
        return conv1.macsPerSample() * density + 2.0 * conv1.inChannels() * conv1.inHeight() * conv1.inWidth();
    }
}
