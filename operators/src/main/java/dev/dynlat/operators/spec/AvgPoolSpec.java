package dev.dynlat.operators.spec;

/**
 * Average pooling from {@code height × width} to {@code outHeight × outWidth} (adaptive pooling,
 * each output the mean of its window; global pooling when the output is 1×1). No MACs.
 */
public record AvgPoolSpec(int channels, int height, int width, int outHeight, int outWidth)
        implements OperatorSpec {
    public AvgPoolSpec {
        Check.positive("channels", channels);
        Check.positive("height", height);
        Check.positive("width", width);
        Check.positive("out_height", outHeight);
        Check.positive("out_width", outWidth);
    }

    /** Global average pooling of a {@code channels × h × w} map to one value per channel. */
    public static AvgPoolSpec global(int channels, int h, int w) {
        return new AvgPoolSpec(channels, h, w, 1, 1);
    }

    @Override
    public String kind() {
        return "pool";
    }

    @Override
    public double macsPerSample() {
        return 0;
    }
}
