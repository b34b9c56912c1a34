package dev.dynlat.operators.spec;

/** Average (or max) pooling from {@code height × width} to {@code outHeight × outWidth}. */
public record AvgPoolSpec(int channels, int height, int width, int outHeight, int outWidth)
        implements OperatorSpec {
    public AvgPoolSpec {
        Check.positive("channels", channels);
        Check.positive("height", height);
        Check.positive("width", width);
        Check.positive("out_height", outHeight);
        Check.positive("out_width", outWidth);
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
