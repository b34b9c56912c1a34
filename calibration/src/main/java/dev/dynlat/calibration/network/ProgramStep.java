package dev.dynlat.calibration.network;

import java.util.Arrays;
import java.util.Objects;

/**
 * One kernel of a network program: what it runs, which buffer slices it reads and writes, and its
 * weights (a region of the program's weight arena, seeded once and scaled by {@code weightScale}).
 *
 * @param name     display name, e.g. {@code layer2.1 conv2 3x3/1}
 * @param group    the predicted operator this step belongs to ({@code block/operator}); several steps
 *                 may share one (a channel masker is pooling and two fc steps)
 * @param kind     the kernel
 * @param dims     sizes in the order {@link StepKind} documents
 * @param in       first input
 * @param in2      second input (add, scatter-add residual) or null
 * @param out      output
 * @param listA    active patches or kept output groups (empty when unused)
 * @param listB    kept input channels (empty when unused)
 * @param compactInput channel-skip conv whose input holds only the kept input channels, in list order
 * @param weightScale factor applied to the seeded weights (keeps activations of deep networks finite)
 */
public record ProgramStep(String name, String group, StepKind kind, int[] dims, Slice in, Slice in2, Slice out,
                          int[] listA, int[] listB, boolean compactInput, float weightScale) {
    public ProgramStep {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        dims = dims.clone();
        listA = listA == null ? new int[0] : listA.clone();
        listB = listB == null ? new int[0] : listB.clone();
    }

    @Override
    public int[] dims() {
        return dims.clone();
    }

    @Override
    public int[] listA() {
        return listA.clone();
    }

    @Override
    public int[] listB() {
        return listB.clone();
    }

    int dim(int i) {
        return dims[i];
    }

    /** Floats of this step's weight region (0 for unweighted kinds). */
    public long weightLength() {
        return switch (kind) {
            case CONV2D -> (long) dims[2] * (dims[1] / dims[8]) * dims[5] * dims[5];
            case CHANNEL_SKIP_CONV -> (long) dims[2] * dims[1] * dims[5] * dims[5];
            case FC -> (long) dims[2] * dims[1];
            case SE, PATCH_SE -> 2L * dims[1] * dims[4];
            default -> 0;
        };
    }

    /** Floats this step writes. */
    public long outputLength() {
        return switch (kind) {
            case CONV2D -> (long) dims[0] * dims[2] * convOut(dims[3], dims[5], dims[6], dims[7])
                    * convOut(dims[4], dims[5], dims[6], dims[7]);
            case CHANNEL_SKIP_CONV -> (long) dims[0] * listA.length * dims[7]
                    * convOut(dims[3], dims[5], dims[6], dims[5] / 2) * convOut(dims[4], dims[5], dims[6], dims[5] / 2);
            case FC -> (long) dims[0] * dims[2];
            case GATHER -> (long) listA.length * dims[1] * (dims[4] + 2 * dims[5]) * (dims[4] + 2 * dims[5]);
            case SCATTER_ADD, ADD -> (long) dims[0] * dims[1] * dims[2] * dims[3];
            case GLOBAL_AVG_POOL -> (long) dims[0] * dims[1];
            case MAX_POOL -> (long) dims[0] * dims[1] * convOut(dims[2], dims[4], dims[5], dims[6])
                    * convOut(dims[3], dims[4], dims[5], dims[6]);
            case SE -> (long) dims[0] * dims[1] * dims[2] * dims[3];
            case PATCH_SE -> (long) listA.length * dims[1] * dims[2] * dims[2];
        };
    }

    /** Multiply-accumulates of one run (convolutions and fc; what the timed work is made of). */
    public double macs() {
        return switch (kind) {
            case CONV2D -> (double) outputLength() * (dims[1] / dims[8]) * dims[5] * dims[5];
            case CHANNEL_SKIP_CONV -> (double) outputLength() * listB.length * dims[5] * dims[5];
            case FC -> (double) dims[0] * dims[1] * dims[2];
            default -> 0;
        };
    }

    static int convOut(int in, int k, int stride, int pad) {
        return (in + 2 * pad - k) / stride + 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProgramStep s && name.equals(s.name) && group.equals(s.group) && kind == s.kind
                && Arrays.equals(dims, s.dims) && in.equals(s.in) && Objects.equals(in2, s.in2) && out.equals(s.out)
                && Arrays.equals(listA, s.listA) && Arrays.equals(listB, s.listB) && compactInput == s.compactInput
                && weightScale == s.weightScale;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, kind, Arrays.hashCode(dims), in, out, Arrays.hashCode(listA));
    }

    @Override
    public String toString() {
        return "ProgramStep[" + name + ", " + kind + ", dims=" + Arrays.toString(dims) + ", in=" + in + ", in2=" + in2
                + ", out=" + out + ", listA=" + listA.length + ", listB=" + listB.length + "]";
    }
}
