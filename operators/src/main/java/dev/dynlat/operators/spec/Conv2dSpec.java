package dev.dynlat.operators.spec;

/**
 * A 2-D convolution (any kernel, stride and groups, depthwise included) on an NCHW map, with
 * optional channel skipping: only {@code inDensity} of the input channels and {@code outDensity}
 * of the output channels are computed, skipped in groups of {@code channelGroup} channels.
 * Output size is {@code inHeight / stride} (the reference's convention, padding "same").
 */
public record Conv2dSpec(int inChannels, int outChannels, int inHeight, int inWidth, int kernel, int stride,
                         int groups, double inDensity, double outDensity, int channelGroup)
        implements OperatorSpec {

    public Conv2dSpec {
        Check.positive("in_channels", inChannels);
        Check.positive("out_channels", outChannels);
        Check.positive("height", inHeight);
        Check.positive("width", inWidth);
        Check.positive("kernel", kernel);
        Check.positive("stride", stride);
        Check.positive("groups", groups);
        Check.divides("groups", groups, "in_channels", inChannels);
        Check.divides("groups", groups, "out_channels", outChannels);
        Check.fraction("in_density", inDensity);
        Check.fraction("out_density", outDensity);
        Check.positive("channel_group", channelGroup);
        if (inHeight / stride == 0 || inWidth / stride == 0) {
            throw new IllegalArgumentException("stride: " + stride + " leaves no output pixel of a "
                    + inHeight + "x" + inWidth + " map");
        }
    }

    /** A dense convolution. */
    public static Conv2dSpec dense(int cin, int cout, int h, int w, int kernel, int stride, int groups) {
        return new Conv2dSpec(cin, cout, h, w, kernel, stride, groups, 1, 1, 1);
    }

    public int outHeight() {
        return inHeight / stride;
    }

    public int outWidth() {
        return inWidth / stride;
    }

    public boolean dense() {
        return inDensity == 1 && outDensity == 1;
    }

    @Override
    public String kind() {
        if (groups == inChannels && groups == outChannels && groups > 1) {
            return "depthwise";
        }
        return groups > 1 ? "grouped-conv" : "conv";
    }

    @Override
    public double macsPerSample() {
        return (double) outChannels * (inChannels / groups) * kernel * kernel * outHeight() * outWidth();
    }
}
