package dev.dynlat.operators.spec;

/**
 * Writes a batch of active S×S patches back into a {@code channels × height × width} map. With
 * {@code addResidual} the write is fused with the residual add: every output pixel is the
 * residual plus, where active, the patch value (scatter-add).
 */
public record ScatterSpec(int channels, int height, int width, int granularity, double density,
                          boolean addResidual) implements OperatorSpec {
    public ScatterSpec {
        Check.positive("channels", channels);
        new PatchGrid(height, width, granularity);
        if (granularity > Math.max(height, width)) {
            throw new IllegalArgumentException("granularity: " + granularity + " is larger than the "
                    + height + "x" + width + " feature map");
        }
        Check.fraction("rate", density);
    }

    public PatchGrid grid() {
        return new PatchGrid(height, width, granularity);
    }

    public ScatterSpec atRate(double rate) {
        return new ScatterSpec(channels, height, width, granularity, rate, addResidual);
    }

    @Override
    public String kind() {
        return addResidual ? "scatter-add" : "scatter";
    }

    @Override
    public double macsPerSample() {
        return 0;
    }
}
