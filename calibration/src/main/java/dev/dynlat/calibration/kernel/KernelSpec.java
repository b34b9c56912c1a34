package dev.dynlat.calibration.kernel;

/**
 * One benchmarkable kernel with all of its sizes (fp32, NCHW).
 *
 * <p>Operands are the input tensors a backend allocates and fills with {@link SeededData}; operand
 * {@code i} of a run with seed {@code s} holds {@code SeededData.values(s, i, operandLengths()[i])}.
 * The operand order is documented on each record.
 */
public sealed interface KernelSpec
        permits Conv2dKernel, FullyConnectedKernel, GatherKernel, ScatterKernel, ScatterAddKernel,
                PatchConvKernel, ChannelSkipConvKernel, AvgPoolKernel, GlobalAvgPoolKernel, ElementwiseAddKernel {

    /** Largest element count of any single tensor (keeps native index arithmetic and Java arrays safe). */
    long MAX_ELEMENTS = Integer.MAX_VALUE - 16L;

    KernelKind kind();

    /**
     * Checks every field; throws {@link IllegalArgumentException} naming the offending field and its value.
     * Backends call this before any native call.
     */
    void validate();

    /** Element counts (floats) of the input operands, in operand order. */
    long[] operandLengths();

    /** Element count (floats) of the output tensor. */
    long outputLength();

    /** Floating-point operations of one run (a multiply-add counts as 2 FLOP; copies count 0). */
    double flops();

    /** Integer dimensions in the order the native description expects (see dl_desc.h). */
    int[] nativeDims();

    /** First index list (active patches or kept output groups), or an empty array. */
    default int[] nativeListA() {
        return new int[0];
    }

    /** Second index list (kept input channels), or an empty array. */
    default int[] nativeListB() {
        return new int[0];
    }
}
