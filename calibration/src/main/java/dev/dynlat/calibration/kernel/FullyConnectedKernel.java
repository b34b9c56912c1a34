package dev.dynlat.calibration.kernel;

/**
 * Fully connected layer without bias. Operands: 0 = input [batch, inFeatures], 1 = weight
 * [outFeatures, inFeatures]. Output [batch, outFeatures].
 */
public record FullyConnectedKernel(int batch, int inFeatures, int outFeatures) implements KernelSpec {

    @Override
    public KernelKind kind() {
        return KernelKind.FULLY_CONNECTED;
    }

    @Override
    public void validate() {
        Checks.positive("batch", batch);
        Checks.positive("inFeatures", inFeatures);
        Checks.positive("outFeatures", outFeatures);
        Checks.elements("input", batch, inFeatures);
        Checks.elements("weight", outFeatures, inFeatures);
        Checks.elements("output", batch, outFeatures);
    }

    @Override
    public long[] operandLengths() {
        return new long[] {(long) batch * inFeatures, (long) outFeatures * inFeatures};
    }

    @Override
    public long outputLength() {
        return (long) batch * outFeatures;
    }

    @Override
    public double flops() {
        return 2.0 * batch * inFeatures * outFeatures;
    }

    @Override
    public int[] nativeDims() {
        return new int[] {batch, inFeatures, outFeatures};
    }
}
