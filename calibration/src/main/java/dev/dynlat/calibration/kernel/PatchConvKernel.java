package dev.dynlat.calibration.kernel;

/**
 * Convolution over a gathered patch batch: each (S + 2 halo)^2 patch is convolved without padding
 * ("valid", stride 1) with a kernel of size 2 halo + 1, giving S x S outputs (S = granularity).
 *
 * <p>Operands: 0 = patches [patches, inChannels, S + 2 halo, S + 2 halo], 1 = weight
 * [outChannels, inChannels / groups, kernelSize, kernelSize]. Output [patches, outChannels, S, S].
 */
public record PatchConvKernel(int patches, int inChannels, int outChannels, int granularity, int halo,
                              int kernelSize, int groups) implements KernelSpec {

    /** Kernel size 2 halo + 1, the only size that maps padded patches back to S x S. */
    public PatchConvKernel(int patches, int inChannels, int outChannels, int granularity, int halo, int groups) {
        this(patches, inChannels, outChannels, granularity, halo, 2 * halo + 1, groups);
    }

    public int patchSide() {
        return granularity + 2 * halo;
    }

    @Override
    public KernelKind kind() {
        return KernelKind.PATCH_CONV;
    }

    @Override
    public void validate() {
        Checks.positive("patches", patches);
        Checks.positive("inChannels", inChannels);
        Checks.positive("outChannels", outChannels);
        Checks.positive("granularity", granularity);
        Checks.nonNegative("halo", halo);
        Checks.positive("kernelSize", kernelSize);
        Checks.positive("groups", groups);
        if (kernelSize != 2 * halo + 1) {
            throw new IllegalArgumentException("kernelSize must be 2 * halo + 1 = " + (2 * halo + 1) + ", got "
                    + kernelSize);
        }
        Checks.divides("groups", groups, "inChannels", inChannels);
        Checks.divides("groups", groups, "outChannels", outChannels);
        Checks.elements("input", patches, inChannels, patchSide(), patchSide());
        Checks.elements("weight", outChannels, inChannels / groups, kernelSize, kernelSize);
        Checks.elements("output", patches, outChannels, granularity, granularity);
    }

    @Override
    public long[] operandLengths() {
        return new long[] {(long) patches * inChannels * patchSide() * patchSide(),
            (long) outChannels * (inChannels / groups) * kernelSize * kernelSize};
    }

    @Override
    public long outputLength() {
        return (long) patches * outChannels * granularity * granularity;
    }

    @Override
    public double flops() {
        return 2.0 * outputLength() * (inChannels / groups) * kernelSize * kernelSize;
    }

    @Override
    public int[] nativeDims() {
        return new int[] {patches, inChannels, outChannels, granularity, halo, kernelSize, groups};
    }
}
