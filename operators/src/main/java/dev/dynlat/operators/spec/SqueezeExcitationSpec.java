package dev.dynlat.operators.spec;

/**
 * Squeeze-and-excitation on a {@code channels × height × width} map: global pooling, FC to
 * {@code squeeze}, FC back to {@code channels}, channel-wise scaling. When {@code granularity}
 * is positive only {@code density} of the S×S patches are active (the spatially dynamic SE of
 * LAUDNet, pooling over gathered patches).
 */
public record SqueezeExcitationSpec(int channels, int height, int width, int squeeze, int granularity,
                                    double density) implements OperatorSpec {
    public SqueezeExcitationSpec {
        Check.positive("channels", channels);
        Check.positive("height", height);
        Check.positive("width", width);
        Check.positive("squeeze", squeeze);
        if (granularity < 0) {
            throw new IllegalArgumentException("granularity: must be ≥ 0, got " + granularity);
        }
        Check.fraction("density", density);
        if (granularity > Math.max(height, width)) {
            throw new IllegalArgumentException("granularity: " + granularity + " is larger than the "
                    + height + "x" + width + " feature map");
        }
    }

    public static SqueezeExcitationSpec dense(int channels, int height, int width, int squeeze) {
        return new SqueezeExcitationSpec(channels, height, width, squeeze, 0, 1);
    }

    public boolean dynamic() {
        return granularity > 0;
    }

    @Override
    public String kind() {
        return "se";
    }

    @Override
    public double macsPerSample() {
        return 2.0 * channels * squeeze;
    }
}
