package dev.dynlat.calibration.kernel;

/**
 * Dense 2-D convolution, optionally grouped (groups = channels is depthwise). No bias.
 *
 * <p>Operands: 0 = input [batch, inChannels, height, width], 1 = weight
 * [outChannels, inChannels / groups, kernelSize, kernelSize]. Output [batch, outChannels, outHeight, outWidth]
 * with {@code out = (in + 2 * padding - kernelSize) / stride + 1}.
 */
public record Conv2dKernel(int batch, int inChannels, int outChannels, int height, int width, int kernelSize,
                           int stride, int padding, int groups) implements KernelSpec {

    /** "Same"-style padding of {@code kernelSize / 2}. */
    public Conv2dKernel(int batch, int inChannels, int outChannels, int height, int width, int kernelSize,
                        int stride, int groups) {
        this(batch, inChannels, outChannels, height, width, kernelSize, stride, kernelSize / 2, groups);
    }

    @Override
    public KernelKind kind() {
        return KernelKind.CONV2D;
    }

    @Override
    public void validate() {
        Checks.positive("batch", batch);
        Checks.positive("inChannels", inChannels);
        Checks.positive("outChannels", outChannels);
        Checks.positive("height", height);
        Checks.positive("width", width);
        Checks.positive("kernelSize", kernelSize);
        Checks.positive("stride", stride);
        Checks.positive("groups", groups);
        Checks.nonNegative("padding", padding);
        if (padding >= kernelSize) {
            throw new IllegalArgumentException(
                    "padding must be smaller than kernelSize = " + kernelSize + ", got " + padding);
        }
        Checks.divides("groups", groups, "inChannels", inChannels);
        Checks.divides("groups", groups, "outChannels", outChannels);
        if (kernelSize > height + 2 * padding || kernelSize > width + 2 * padding) {
            throw new IllegalArgumentException("kernelSize = " + kernelSize + " exceeds the padded map "
                    + (height + 2 * padding) + "x" + (width + 2 * padding));
        }
        Checks.elements("input", batch, inChannels, height, width);
        Checks.elements("weight", outChannels, inChannels / groups, kernelSize, kernelSize);
        Checks.elements("output", batch, outChannels, outHeight(), outWidth());
    }

    public int outHeight() {
        return (height + 2 * padding - kernelSize) / stride + 1;
    }

    public int outWidth() {
        return (width + 2 * padding - kernelSize) / stride + 1;
    }

    @Override
    public long[] operandLengths() {
        return new long[] {(long) batch * inChannels * height * width,
            (long) outChannels * (inChannels / groups) * kernelSize * kernelSize};
    }

    @Override
    public long outputLength() {
        return (long) batch * outChannels * outHeight() * outWidth();
    }

    @Override
    public double flops() {
        return 2.0 * outputLength() * (inChannels / groups) * kernelSize * kernelSize;
    }

    @Override
    public int[] nativeDims() {
        return new int[] {batch, inChannels, outChannels, height, width, kernelSize, stride, padding, groups};
    }
}
