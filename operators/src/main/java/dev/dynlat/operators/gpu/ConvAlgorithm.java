package dev.dynlat.operators.gpu;

/**
 * cuDNN's forward algorithms the GPU library model describes. cuDNN picks one per shape by its
 * heuristic; the model predicts with the fastest, and a fit prices each measured row with the one
 * the row ran (its kernel names say which), so that each algorithm's terms come from its own rows.
 */
public enum ConvAlgorithm {
    /** Implicit GEMM (any shape): an offsets kernel and a {@code scudnn} kernel. */
    IMPLICIT_GEMM,
    /** The fused Winograd kernel F(2×2, 3×3), after a filter-tile kernel (3×3, stride 1, ungrouped). */
    FUSED_WINOGRAD,
    /** Non-fused Winograd F(4×4, 3×3): three transforms around 36 GEMMs (3×3, stride 1, ungrouped). */
    NONFUSED_WINOGRAD;

    /** Whether cuDNN can run a convolution of this kernel size, stride and grouping this way. */
    public boolean applies(int kernel, int stride, int groups) {
        return this == IMPLICIT_GEMM || (kernel == 3 && stride == 1 && groups == 1);
    }
}
