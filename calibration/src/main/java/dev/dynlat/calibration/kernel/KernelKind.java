package dev.dynlat.calibration.kernel;

/** Kernel families; {@link #code()} is the kind number understood by the native backends (dl_desc.h). */
public enum KernelKind {
    CONV2D(1),
    FULLY_CONNECTED(2),
    GATHER(3),
    SCATTER(4),
    SCATTER_ADD(5),
    PATCH_CONV(6),
    CHANNEL_SKIP_CONV(7),
    AVG_POOL(8),
    GLOBAL_AVG_POOL(9),
    ADD(10);

    private final int code;

    KernelKind(int code) {
        this.code = code;
    }

    /** Numeric kind passed to native code. */
    public int code() {
        return code;
    }
}
