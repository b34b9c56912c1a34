package dev.dynlat.calibration.network;

/**
 * What one step of a {@link NetworkProgram} runs; {@link #code()} is the kind number of the native
 * runner (network_runner.c; the calibration kernels keep their dl_desc.h numbers).
 */
public enum StepKind {
    /** Dense, grouped or depthwise convolution; dims N, Cin, Cout, H, W, k, stride, pad, groups. */
    CONV2D(1, true),
    /** Fully connected; dims N, Cin, Cout. */
    FC(2, true),
    /** Patches with halo; dims N, C, H, W, S, halo; list A = active patches. */
    GATHER(3, false),
    /** Patches added onto a residual map; dims N, C, H, W, S; list A = active patches; second input = residual. */
    SCATTER_ADD(5, false),
    /** Kept output groups of kept input channels; dims N, Cin, Cout, H, W, k, stride, G; lists A, B. */
    CHANNEL_SKIP_CONV(7, true),
    /** Global average pooling to [N, C]; dims N, C, H, W. */
    GLOBAL_AVG_POOL(9, false),
    /** Elementwise add of two inputs; dims N, C, H, W. */
    ADD(10, false),
    /** Max pooling with -inf padding; dims N, C, H, W, k, stride, pad. */
    MAX_POOL(20, false),
    /** Squeeze-excitation over whole maps, in place semantics; dims N, C, H, W, squeeze. */
    SE(21, true),
    /** Squeeze-excitation over each image's active patches; dims N, C, S, patches per image, squeeze; list A. */
    PATCH_SE(22, true);

    private final int code;
    private final boolean weighted;

    StepKind(int code, boolean weighted) {
        this.code = code;
        this.weighted = weighted;
    }

    public int code() {
        return code;
    }

    /** Whether the step reads a weight region of the program's weight arena. */
    public boolean weighted() {
        return weighted;
    }
}
