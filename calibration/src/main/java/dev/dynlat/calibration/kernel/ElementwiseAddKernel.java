package dev.dynlat.calibration.kernel;

/**
 * Elementwise sum of two tensors of the same shape. Operands: 0 = a, 1 = b, both
 * [batch, channels, height, width]. Output a + b with that shape.
 */
public record ElementwiseAddKernel(int batch, int channels, int height, int width) implements KernelSpec {

    @Override
    public KernelKind kind() {
        return KernelKind.ADD;
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
        long n = outputLength();
        return new long[] {n, n};
    }

    @Override
    public long outputLength() {
        return (long) batch * channels * height * width;
    }

    @Override
    public double flops() {
        return outputLength();
    }

    @Override
    public int[] nativeDims() {
        return new int[] {batch, channels, height, width};
    }
}
