package dev.dynlat.operators.spec;

/**
 * Bilinear resizing of a {@code channels × height × width} map to {@code outHeight × outWidth}
 * (up or down): every output interpolates 4 input pixels. No MACs are counted (the
 * interpolation weights are pointwise arithmetic).
 */
public record ResizeSpec(int channels, int height, int width, int outHeight, int outWidth)
        implements OperatorSpec {
    public ResizeSpec {
        Check.positive("channels", channels);
        Check.positive("height", height);
        Check.positive("width", width);
        Check.positive("out_height", outHeight);
        Check.positive("out_width", outWidth);
    }

    @Override
    public String kind() {
        return "resize";
    }

    @Override
    public double macsPerSample() {
        return 0;
    }
}
