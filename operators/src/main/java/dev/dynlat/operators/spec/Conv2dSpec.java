package dev.dynlat.operators.spec;

/**
 * A 2-D convolution (any kernel, stride and groups, depthwise included) on an NCHW map, with
 * optional channel skipping: only {@code inDensity} of the input channels and {@code outDensity}
 * of the output channels are computed, skipped in groups of {@code channelGroup} channels.
 *
 * <p>The output size is part of the spec. The constructors without it, and {@link #dense}, use
 * the reference's convention {@code out = in / stride} (padding "same"); {@link #padded} uses
 * PyTorch's {@code out = floor((in + 2·padding − kernel) / stride) + 1}. Cost models read
 * {@link #outHeight()} and {@link #outWidth()}, never {@code in / stride}.
 */
public record Conv2dSpec(int inChannels, int outChannels, int inHeight, int inWidth, int outHeight, int outWidth,
                         int kernel, int stride, int groups, double inDensity, double outDensity, int channelGroup)
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
        Check.positive("out_height", outHeight);
        Check.positive("out_width", outWidth);
    }

    /** A (possibly channel-skipping) convolution with the reference's output size {@code in / stride}. */
    public Conv2dSpec(int inChannels, int outChannels, int inHeight, int inWidth, int kernel, int stride, int groups,
                      double inDensity, double outDensity, int channelGroup) {
        this(inChannels, outChannels, inHeight, inWidth, sameOut("height", inHeight, stride),
                sameOut("width", inWidth, stride), kernel, stride, groups, inDensity, outDensity, channelGroup);
    }

    /** A dense convolution with the reference's output size {@code in / stride}. */
    public static Conv2dSpec dense(int cin, int cout, int h, int w, int kernel, int stride, int groups) {
        return new Conv2dSpec(cin, cout, h, w, kernel, stride, groups, 1, 1, 1);
    }

    /**
     * A dense convolution with explicit zero padding on every side: the output is
     * {@code floor((in + 2·padding − kernel) / stride) + 1}, as in PyTorch.
     */
    public static Conv2dSpec padded(int cin, int cout, int h, int w, int kernel, int stride, int padding,
                                    int groups) {
        if (padding < 0) {
            throw new IllegalArgumentException("padding: must be ≥ 0, got " + padding);
        }
        Check.positive("height", h);
        Check.positive("width", w);
        Check.positive("kernel", kernel);
        Check.positive("stride", stride);
        return new Conv2dSpec(cin, cout, h, w, paddedOut("height", h, kernel, stride, padding),
                paddedOut("width", w, kernel, stride, padding), kernel, stride, groups, 1, 1, 1);
    }

    /** PyTorch's output extent of a padded window operator (convolution, pooling). */
    static int paddedOut(String field, int in, int kernel, int stride, int padding) {
        long span = (long) in + 2L * padding - kernel;
        if (span < 0) {
            throw new IllegalArgumentException(field + ": " + in + " with padding " + padding
                    + " is smaller than the kernel " + kernel);
        }
        long out = span / stride + 1;
        if (out > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(field + ": " + in + " with padding " + padding + " gives an output of "
                    + out + ", more than " + Integer.MAX_VALUE);
        }
        return (int) out;
    }

    /** {@code in / stride}; a bad {@code in} or stride is left to the canonical constructor to report. */
    private static int sameOut(String field, int in, int stride) {
        if (stride <= 0 || in <= 0) {
            return 0;
        }
        if (in / stride == 0) {
            throw new IllegalArgumentException("stride: " + stride + " leaves no output pixel of a " + field + " of "
                    + in);
        }
        return in / stride;
    }

    /** The same convolution (output size kept) computing other channel fractions. */
    public Conv2dSpec withDensities(double newInDensity, double newOutDensity, int newChannelGroup) {
        return new Conv2dSpec(inChannels, outChannels, inHeight, inWidth, outHeight, outWidth, kernel, stride, groups,
                newInDensity, newOutDensity, newChannelGroup);
    }

    /** The same convolution computing every channel. */
    public Conv2dSpec asDense() {
        return withDensities(1, 1, 1);
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
        return (double) outChannels * (inChannels / groups) * kernel * kernel * outHeight * outWidth;
    }

    /** Only the kept input and output channels are computed. */
    @Override
    public double executedMacsPerSample() {
        return macsPerSample() * inDensity * outDensity;
    }
}
