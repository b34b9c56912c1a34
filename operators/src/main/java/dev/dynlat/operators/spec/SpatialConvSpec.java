package dev.dynlat.operators.spec;

/**
 * A convolution computed only on the active S×S patches of its output. The input either was
 * gathered into a patch batch beforehand ({@code inputGathered}) or is indexed in the full map
 * by the kernel (gather fused into the conv). {@code halo} extra output pixels per patch side are
 * computed when the next layer's kernel needs them (conv1 before a 3×3 conv2).
 */
public record SpatialConvSpec(Conv2dSpec conv, int granularity, double density, boolean inputGathered,
                              int halo) implements OperatorSpec {
    public SpatialConvSpec {
        java.util.Objects.requireNonNull(conv, "conv");
        Check.positive("granularity", granularity);
        Check.fraction("rate", density);
        if (halo < 0) {
            throw new IllegalArgumentException("halo: must be ≥ 0, got " + halo);
        }
        int outH = conv.outHeight();
        int outW = conv.outWidth();
        if (granularity > Math.max(outH, outW)) {
            throw new IllegalArgumentException("granularity: " + granularity + " is larger than the "
                    + outH + "x" + outW + " feature map");
        }
    }

    public PatchGrid grid() {
        return new PatchGrid(conv.outHeight(), conv.outWidth(), granularity);
    }

    /** The same operator at another activation rate (the schedule does not depend on it). */
    public SpatialConvSpec atRate(double rate) {
        return new SpatialConvSpec(conv, granularity, rate, inputGathered, halo);
    }

    @Override
    public String kind() {
        return "spatial-conv";
    }

    @Override
    public double macsPerSample() {
        double side = granularity + 2.0 * halo;
        return grid().activePatches(density) * side * side * conv.outChannels()
                * (conv.inChannels() / conv.groups()) * conv.kernel() * conv.kernel()
                * conv.inDensity() * conv.outDensity();
    }
}
