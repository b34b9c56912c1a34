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

    /** {driver version, runtime version}, CUDA-encoded (1000 × major + 10 × minor); 0 when absent. */
    static native int[] versions();

    /** cudaDeviceProp.name of device 0. */
    static native String rawDeviceName();

    /** Device 0's facts in the order of {@code GpuDeviceAttributes#fromNative}. */
    static native long[] deviceAttributes();

    /** Seconds of each launch reading {@code bytes} {@code passes} times through L2. */
    static native double[] l2Probe(long bytes, int passes, int repeats);

    /** Seconds per empty kernel: {@code repeats} values inside a CUDA graph, then {@code repeats} on a stream. */
    static native double[] launchGap(int launches, int repeats);

    /** Empty when cuBLAS is usable, otherwise the reason. */
    static native String cublasUnavailableReason();

    /** The kernels' per-thread code run on the host (no device needed), on operands seeded like runOnce. */
    static native float[] emulateRunOnce(int kind, int[] dims, int[] listA, int[] listB, long seed);

    /** Per (M, N, K) triple: {@code runs} seconds of our GEMM, then {@code runs} of cuBLAS (NaN without it). */
    static native double[] gemmCompare(int[] shapes, int runs);
}
