package dev.dynlat.calibration.kernel;

/** Global average pooling. Operands: 0 = input [batch, channels, height, width]. Output [batch, channels]. */
public record GlobalAvgPoolKernel(int batch, int channels, int height, int width) implements KernelSpec {

    @Override
    public KernelKind kind() {
        return KernelKind.GLOBAL_AVG_POOL;
    }

    @Override
    public void validate() {
        Checks.positive("batch", batch);
        Checks.positive("channels", channels);
        Checks.positive("height", height);
        Checks.positive("width", width);
        Checks.elements("input", batch, channels, height, width);
    }

    @Override
    public long[] operandLengths() {
        return new long[] {(long) batch * channels * height * width};
    }

    @Override
    public long outputLength() {
        return (long) batch * channels;
    }

    @Override
    public double flops() {
        return (double) batch * channels * height * width;
    }

    @Override
    public int[] nativeDims() {
        return new int[] {batch, channels, height, width};
    }
}
