package dev.dynlat.calibration.kernel;

import java.util.Arrays;

/**
 * Channel-skipping convolution (groups = 1, padding kernelSize / 2): computes only the kept output channel
 * groups (group size {@code groupSize}; kept output channel j of group g is {@code g * groupSize + j}) and
 * reads only the kept input channels. The timed work includes gathering the kept weights.
 *
 * <p>Operands: 0 = input [batch, inChannels, height, width], 1 = full weight
 * [outChannels, inChannels, kernelSize, kernelSize]. Output
 * [batch, keptOutputGroups.length * groupSize, outHeight, outWidth], channels in list order.
 */
public record ChannelSkipConvKernel(int batch, int inChannels, int outChannels, int height, int width,
                                    int kernelSize, int stride, int groupSize, int[] keptOutputGroups,
                                    int[] keptInputChannels) implements KernelSpec {

    public ChannelSkipConvKernel {
        keptOutputGroups = Checks.copy(keptOutputGroups);
        keptInputChannels = Checks.copy(keptInputChannels);
    }

    @Override
    public int[] keptOutputGroups() {
        return Checks.copy(keptOutputGroups);
    }

    @Override
    public int[] keptInputChannels() {
        return Checks.copy(keptInputChannels);
    }

    public int padding() {
        return kernelSize / 2;
    }

    public int outHeight() {
        return (height + 2 * padding() - kernelSize) / stride + 1;
    }

    public int outWidth() {
        return (width + 2 * padding() - kernelSize) / stride + 1;
    }

    public int keptOutputChannels() {
        return keptOutputGroups.length * groupSize;
    }

    @Override
    public KernelKind kind() {
        return KernelKind.CHANNEL_SKIP_CONV;
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
        Checks.positive("groupSize", groupSize);
        Checks.divides("groupSize", groupSize, "outChannels", outChannels);
        if (kernelSize > height + 2 * padding() || kernelSize > width + 2 * padding()) {
            throw new IllegalArgumentException("kernelSize = " + kernelSize + " exceeds the padded map");
        }
        Checks.indexList("keptOutputGroups", keptOutputGroups, outChannels / groupSize);
        Checks.indexList("keptInputChannels", keptInputChannels, inChannels);
        Checks.elements("input", batch, inChannels, height, width);
        Checks.elements("weight", outChannels, inChannels, kernelSize, kernelSize);
        Checks.elements("output", batch, keptOutputChannels(), outHeight(), outWidth());
    }

    @Override
    public long[] operandLengths() {
        return new long[] {(long) batch * inChannels * height * width,
            (long) outChannels * inChannels * kernelSize * kernelSize};
    }

    @Override
    public long outputLength() {
        return (long) batch * keptOutputChannels() * outHeight() * outWidth();
    }

    @Override
    public double flops() {
        return 2.0 * outputLength() * keptInputChannels.length * kernelSize * kernelSize;
    }

    @Override
    public int[] nativeDims() {
        return new int[] {batch, inChannels, outChannels, height, width, kernelSize, stride, groupSize};
    }

    @Override
    public int[] nativeListA() {
        return keptOutputGroups();
    }

    @Override
    public int[] nativeListB() {
        return keptInputChannels();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelSkipConvKernel c && batch == c.batch && inChannels == c.inChannels
                && outChannels == c.outChannels && height == c.height && width == c.width
                && kernelSize == c.kernelSize && stride == c.stride && groupSize == c.groupSize
                && Arrays.equals(keptOutputGroups, c.keptOutputGroups)
                && Arrays.equals(keptInputChannels, c.keptInputChannels);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * java.util.Objects.hash(batch, inChannels, outChannels, height, width, kernelSize, stride,
                groupSize) + Arrays.hashCode(keptOutputGroups)) + Arrays.hashCode(keptInputChannels);
    }

    @Override
    public String toString() {
        return "ChannelSkipConvKernel[batch=" + batch + ", inChannels=" + inChannels + ", outChannels="
                + outChannels + ", height=" + height + ", width=" + width + ", kernelSize=" + kernelSize
                + ", stride=" + stride + ", groupSize=" + groupSize + ", keptOutputGroups="
                + Arrays.toString(keptOutputGroups) + ", keptInputChannels=" + Arrays.toString(keptInputChannels)
                + "]";
    }
}
