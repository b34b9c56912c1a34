package dev.dynlat.calibration.kernel;

/**
 * Average pooling with a kernelSize x kernelSize window, no padding. Operands: 0 = input
 * [batch, channels, height, width]. Output [batch, channels, (height - k) / stride + 1, (width - k) / stride + 1].
 */
public record AvgPoolKernel(int batch, int channels, int height, int width, int kernelSize, int stride)
        implements KernelSpec {

    public int outHeight() {
        return (height - kernelSize) / stride + 1;
    }

    public int outWidth() {
        return (width - kernelSize) / stride + 1;
    }

    @Override
    public KernelKind kind() {
        return KernelKind.AVG_POOL;
    }

    @Override
    public void validate() {
        Checks.positive("batch", batch);
        Checks.positive("channels", channels);
        Checks.positive("height", height);
        Checks.positive("width", width);
        Checks.positive("kernelSize", kernelSize);
        Checks.positive("stride", stride);
        if (kernelSize > height || kernelSize > width) {
            throw new IllegalArgumentException(
                    "kernelSize = " + kernelSize + " is larger than the map " + height + "x" + width);
        }
        Checks.elements("input", batch, channels, height, width);
    }

    @Override
    public long[] operandLengths() {
        return new long[] {(long) batch * channels * height * width};
    }

    @Override
    public long outputLength() {
        return (long) batch * channels * outHeight() * outWidth();
    }

    @Override
    public double flops() {
        return (double) outputLength() * kernelSize * kernelSize;
    }

    @Override
    public int[] nativeDims() {
        return new int[] {batch, channels, height, width, kernelSize, stride};
    }
}
