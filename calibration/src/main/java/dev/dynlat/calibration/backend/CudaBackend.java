package dev.dynlat.calibration.backend;

import dev.dynlat.calibration.kernel.KernelSpec;

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
    public double[] time(KernelSpec spec, int warmupRuns, int timedRuns) {
        checked(spec);
        checkRuns(warmupRuns, timedRuns);
        requireAvailable();
        return CudaNative.time(spec.kind().code(), spec.nativeDims(), spec.nativeListA(), spec.nativeListB(),
                TIMING_SEED, warmupRuns, timedRuns);
    }

    @Override
    public float[] runOnce(KernelSpec spec, long seed) {
        checked(spec);
        requireAvailable();
        return CudaNative.runOnce(spec.kind().code(), spec.nativeDims(), spec.nativeListA(), spec.nativeListB(),
                seed);
    }

    @Override
    public double peakFlops(long work) {
        checkPositive("work", work);
        requireAvailable();
        // best of three: a single short run is easily disturbed by other processes
        double best = 0;
        for (int i = 0; i < 3; i++) {
            best = Math.max(best, flopRate(CudaNative.fmaProbe(work)));
        }
        return best;
    }

    @Override
    public double streamBandwidth(StreamPattern pattern, long bytes, int repeats) {
        checkStream(pattern, bytes, repeats);
        requireAvailable();
        return bestBandwidth(pattern, bytes, CudaNative.streamProbe(pattern.code(), bytes, repeats));
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
