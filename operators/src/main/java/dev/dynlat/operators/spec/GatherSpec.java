package dev.dynlat.operators.spec;

/**
 * Copies the active S×S patches (plus a halo of {@code halo} pixels per side) of a
 * {@code channels × height × width} map into a dense patch batch.
 */
public record GatherSpec(int channels, int height, int width, int granularity, int halo, double density)
        implements OperatorSpec {
    public GatherSpec {
        Check.positive("channels", channels);
        new PatchGrid(height, width, granularity);
        if (granularity > Math.max(height, width)) {
            throw new IllegalArgumentException("granularity: " + granularity + " is larger than the "
                    + height + "x" + width + " feature map");
        }
        if (halo < 0) {
            throw new IllegalArgumentException("halo: must be ≥ 0, got " + halo);
        }
        Check.fraction("rate", density);
    }

    public PatchGrid grid() {
        return new PatchGrid(height, width, granularity);
    }

    @Override
    public String kind() {
        return "gather";
    }

    @Override
    public double macsPerSample() {
        return 0;
    }
}
