package dev.dynlat.calibration.backend;

/** JNI bindings of libdynlat_cuda (cuda/cuda_jni.cu). Callers validate arguments first. */
final class CudaNative {
    static {
        // load on first use of the bindings too; a failure leaves the natives unlinked and is
        // reported by the backend's unavailableReason()
        NativeLibrary.load("dynlat_cuda");
    }

    private CudaNative() {
    }

    /** Null when a CUDA device is usable, otherwise the reason (e.g. "no CUDA device"). */
    static native String unavailableReason();

    static native String deviceName();

    static native double[] time(int kind, int[] dims, int[] listA, int[] listB, long seed, int warmup, int runs);

    static native float[] runOnce(int kind, int[] dims, int[] listA, int[] listB, long seed);

    /** Returns {FLOP done, seconds}. */
    static native double[] fmaProbe(long iterationsPerThread);

    /** Returns seconds of each pass. */
    static native double[] streamProbe(int pattern, long bytes, int repeats);

    /** Mean seconds of an empty kernel launch followed by a device synchronisation. */
    static native double emptyLaunch(int calls);
}
