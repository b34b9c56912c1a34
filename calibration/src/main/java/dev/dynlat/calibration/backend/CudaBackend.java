package dev.dynlat.calibration.backend;

/**
 * Runs kernels with the CUDA implementations in libdynlat_cuda on device 0; kernel time is measured with
 * CUDA events. Unavailable (never crashing) when the library was not built or no device is present.
 */
public final class CudaBackend extends NativeBackend {
    static final String NOT_BUILT = "CUDA backend not built: nvcc was not found at build time";

    private volatile String reason;

    @Override
    public String name() {
        return "cuda";
    }

    @Override
    public String unavailableReason() {
        String r = reason;
        if (r == null) {
            r = probeAvailability();
            reason = r;
        }
        return r;
    }

    private static String probeAvailability() {
        NativeLibrary lib = NativeLibrary.load("dynlat_cuda");
        if (!lib.loaded()) {
            return lib.missingFromClasspath() ? NOT_BUILT : "cuda backend unavailable: " + lib.failure();
        }
        String r = CudaNative.unavailableReason();
        return r == null ? "" : r;
    }

    @Override
    double[] nativeTime(int kind, int[] dims, int[] listA, int[] listB, long seed, int warmupRuns, int timedRuns) {
        return CudaNative.time(kind, dims, listA, listB, seed, warmupRuns, timedRuns);
    }

    @Override
    float[] nativeRunOnce(int kind, int[] dims, int[] listA, int[] listB, long seed) {
        return CudaNative.runOnce(kind, dims, listA, listB, seed);
    }

    @Override
    double[] nativeFmaProbe(long work) {
        return CudaNative.fmaProbe(work);
    }

    @Override
    double[] nativeStreamProbe(int pattern, long bytes, int repeats) {
        return CudaNative.streamProbe(pattern, bytes, repeats);
    }

    @Override
    public double emptyCallSeconds(int calls) {
        checkPositive("calls", calls);
        requireAvailable();
        return CudaNative.emptyLaunch(calls);
    }

    @Override
    public String deviceDescription() {
        requireAvailable();
        return "cuda " + CudaNative.deviceName();
    }
}
