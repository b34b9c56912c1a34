package dev.dynlat.calibration.kernel;

import java.util.Arrays;

/**
 * Scatter fused with the residual add: {@code out = residual + scatter(patches)}; positions outside the
 * active patches get the residual only.
 *
 * <p>Operands: 0 = patches [activePatches.length, channels, S, S] (S = granularity), 1 = residual
 * [batch, channels, height, width]. Output [batch, channels, height, width].
 */
public record ScatterAddKernel(int batch, int channels, int height, int width, int granularity,
                               int[] activePatches) implements KernelSpec {

    public ScatterAddKernel {
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
        return KernelKind.SCATTER_ADD;
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
        return new long[] {(long) activePatches.length * channels * granularity * granularity, outputLength()};
    }

    @Override
    public long outputLength() {
        return (long) batch * channels * height * width;
    }

    @Override
    public double flops() {
        return (double) activePatches.length * channels * granularity * granularity;
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
        return o instanceof ScatterAddKernel s && batch == s.batch && channels == s.channels && height == s.height
                && width == s.width && granularity == s.granularity && Arrays.equals(activePatches, s.activePatches);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Objects.hash(batch, channels, height, width, granularity)
                + Arrays.hashCode(activePatches);
    }

    @Override
    public String toString() {
        return "ScatterAddKernel[batch=" + batch + ", channels=" + channels + ", height=" + height + ", width="
                + width + ", granularity=" + granularity + ", activePatches=" + Arrays.toString(activePatches) + "]";
    }
}
