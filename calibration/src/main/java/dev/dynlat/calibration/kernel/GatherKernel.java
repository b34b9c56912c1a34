package dev.dynlat.calibration.kernel;

import java.util.Arrays;

/**
 * Gathers the active S x S patches (S = granularity) with a halo of {@code halo} pixels into a patch batch;
 * pixels outside the map read as zero.
 *
 * <p>Operands: 0 = input map [batch, channels, height, width]. Output
 * [activePatches.length, channels, S + 2 halo, S + 2 halo]. Patch indexing: see {@link PatchGrid}.
 */
public record GatherKernel(int batch, int channels, int height, int width, int granularity, int halo,
                           int[] activePatches) implements KernelSpec {

    public GatherKernel {
        activePatches = Checks.copy(activePatches);
    }

    @Override
    public int[] activePatches() {
        return Checks.copy(activePatches);
    }

    public PatchGrid grid() {
        return new PatchGrid(batch, height, width, granularity);
    }

    /** Side of one gathered patch: granularity + 2 halo. */
    public int patchSide() {
        return granularity + 2 * halo;
    }

    @Override
    public KernelKind kind() {
        return KernelKind.GATHER;
    }

    @Override
    public void validate() {
        Checks.positive("channels", channels);
        Checks.nonNegative("halo", halo);
        grid().validate("activePatches", activePatches);
        if (halo > granularity) {
            throw new IllegalArgumentException(
                    "halo must not exceed granularity = " + granularity + ", got " + halo);
        }
        Checks.elements("input", batch, channels, height, width);
        Checks.elements("output", activePatches.length, channels, patchSide(), patchSide());
    }

    @Override
    public long[] operandLengths() {
        return new long[] {(long) batch * channels * height * width};
    }

    @Override
    public long outputLength() {
        return (long) activePatches.length * channels * patchSide() * patchSide();
    }

    @Override
    public double flops() {
        return 0;
    }

    @Override
    public int[] nativeDims() {
        return new int[] {batch, channels, height, width, granularity, halo};
    }

    @Override
    public int[] nativeListA() {
        return activePatches();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GatherKernel g && batch == g.batch && channels == g.channels && height == g.height
                && width == g.width && granularity == g.granularity && halo == g.halo
                && Arrays.equals(activePatches, g.activePatches);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Objects.hash(batch, channels, height, width, granularity, halo)
                + Arrays.hashCode(activePatches);
    }

    @Override
    public String toString() {
        return "GatherKernel[batch=" + batch + ", channels=" + channels + ", height=" + height + ", width=" + width
                + ", granularity=" + granularity + ", halo=" + halo + ", activePatches="
                + Arrays.toString(activePatches) + "]";
    }
}
