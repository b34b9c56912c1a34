package dev.dynlat.calibration.kernel;

import java.util.Arrays;

/**
 * Scatters a batch of S x S patches (S = granularity) back into a dense map at the active patch positions;
 * the parts of edge patches outside the map are dropped.
 *
 * <p>Operands: 0 = patches [activePatches.length, channels, S, S]. Output [batch, channels, height, width];
 * positions of inactive patches are not written (the backends zero the output once before the runs, so
 * {@code runOnce} returns zeros there and timed runs measure only the patch copies).
 */
public record ScatterKernel(int batch, int channels, int height, int width, int granularity,
                            int[] activePatches) implements KernelSpec {

    public ScatterKernel {
        activePatches = Checks.copy(activePatches);
    }

    @Override
    public int[] activePatches() {
        return Checks.copy(activePatches);
    }

    public PatchGrid grid() {
        return new PatchGrid(batch, height, width, granularity);
    }

    @Override
    public KernelKind kind() {
        return KernelKind.SCATTER;
    }

    @Override
    public void validate() {
        Checks.positive("channels", channels);
        grid().validate("activePatches", activePatches);
        Checks.elements("patches", activePatches.length, channels, granularity, granularity);
        Checks.elements("output", batch, channels, height, width);
    }

    @Override
    public long[] operandLengths() {
        return new long[] {(long) activePatches.length * channels * granularity * granularity};
    }

    @Override
    public long outputLength() {
        return (long) batch * channels * height * width;
    }

    @Override
    public double flops() {
        return 0;
    }

    @Override
    public int[] nativeDims() {
        return new int[] {batch, channels, height, width, granularity};
    }

    @Override
    public int[] nativeListA() {
        return activePatches();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScatterKernel s && batch == s.batch && channels == s.channels && height == s.height
                && width == s.width && granularity == s.granularity && Arrays.equals(activePatches, s.activePatches);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Objects.hash(batch, channels, height, width, granularity)
                + Arrays.hashCode(activePatches);
    }

    @Override
    public String toString() {
        return "ScatterKernel[batch=" + batch + ", channels=" + channels + ", height=" + height + ", width="
                + width + ", granularity=" + granularity + ", activePatches=" + Arrays.toString(activePatches) + "]";
    }
}
