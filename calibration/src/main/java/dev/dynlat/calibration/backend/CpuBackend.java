package dev.dynlat.calibration.backend;

import dev.dynlat.calibration.kernel.KernelSpec;

/**
 * Runs kernels with the OpenMP C implementations in libdynlat_cpu (AVX2+FMA build when the CPU has it,
 * x86-64-v2 otherwise). Threads follow the usual OpenMP settings (OMP_NUM_THREADS).
 */
public final class CpuBackend extends NativeBackend {

    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public String unavailableReason() {
        NativeLibrary lib = NativeLibrary.load("dynlat_cpu");
        return lib.loaded() ? "" : "cpu backend unavailable: " + lib.failure();
    }

    @Override
    public double[] time(KernelSpec spec, int warmupRuns, int timedRuns) {
        checked(spec);
        checkRuns(warmupRuns, timedRuns);
        requireAvailable();
        return CpuNative.time(spec.kind().code(), spec.nativeDims(), spec.nativeListA(), spec.nativeListB(),
                TIMING_SEED, warmupRuns, timedRuns);
    }

    @Override
    public float[] runOnce(KernelSpec spec, long seed) {
        checked(spec);
        requireAvailable();
        return CpuNative.runOnce(spec.kind().code(), spec.nativeDims(), spec.nativeListA(), spec.nativeListB(), seed);
    }

    @Override
    public double peakFlops(long work) {
        checkPositive("work", work);
        requireAvailable();
        // best of three: a single short run is easily disturbed by other processes
        double best = 0;
        for (int i = 0; i < 3; i++) {
            best = Math.max(best, flopRate(CpuNative.fmaProbe(work)));
        }
        return best;
    }

    @Override
    public double streamBandwidth(StreamPattern pattern, long bytes, int repeats) {
        checkStream(pattern, bytes, repeats);
        requireAvailable();
        return bestBandwidth(pattern, bytes, CpuNative.streamProbe(pattern.code(), bytes, repeats));
    }

    @Override
    public double emptyCallSeconds(int calls) {
        checkPositive("calls", calls);
        requireAvailable();
        // warm the call path (linking, JIT of this loop) before timing
        for (int i = 0; i < Math.min(calls, 10_000); i++) {
            CpuNative.emptyCall();
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            CpuNative.emptyCall();
        }
        return (System.nanoTime() - t0) * 1e-9 / calls;
    }

    @Override
    public String deviceDescription() {
        requireAvailable();
        return "cpu " + CpuNative.isa() + ", " + CpuNative.threads() + " OpenMP threads";
    }
}
