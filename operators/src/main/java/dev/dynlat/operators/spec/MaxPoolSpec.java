package dev.dynlat.operators.spec;

/**
 * Max pooling of a {@code channels × height × width} map with a square {@code kernel} window,
 * {@code stride} and zero padding {@code padding}: the output is
 * {@code floor((in + 2·padding − kernel) / stride) + 1} per side, as in PyTorch. No MACs.
 */
public record MaxPoolSpec(int channels, int height, int width, int kernel, int stride, int padding)
        implements OperatorSpec {
    public MaxPoolSpec {
        Check.positive("channels", channels);
        Check.positive("height", height);
        Check.positive("width", width);
        Check.positive("kernel", kernel);
        Check.positive("stride", stride);
        if (padding < 0) {
            throw new IllegalArgumentException("padding: must be ≥ 0, got " + padding);
        }
        if (2 * padding > kernel) {
            throw new IllegalArgumentException("padding: " + padding + " is more than half the kernel " + kernel);
        }
        Conv2dSpec.paddedOut("height", height, kernel, stride, padding);
        Conv2dSpec.paddedOut("width", width, kernel, stride, padding);
    }

    public int outHeight() {
        return Conv2dSpec.paddedOut("height", height, kernel, stride, padding);
    }

    public int outWidth() {
        return Conv2dSpec.paddedOut("width", width, kernel, stride, padding);
    }

    @Override
    public String kind() {
        return "max-pool";
    }

    @Override
    public double macsPerSample() {
        return 0;
    }
}
