package dev.dynlat.calibration.backend;

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
    double[] nativeTime(int kind, int[] dims, int[] listA, int[] listB, long seed, int warmupRuns, int timedRuns) {
        return CpuNative.time(kind, dims, listA, listB, seed, warmupRuns, timedRuns);
    }

    @Override
    float[] nativeRunOnce(int kind, int[] dims, int[] listA, int[] listB, long seed) {
        return CpuNative.runOnce(kind, dims, listA, listB, seed);
    }

    @Override
    double[] nativeFmaProbe(long work) {
        return CpuNative.fmaProbe(work);
    }

    @Override
    double[] nativeStreamProbe(int pattern, long bytes, int repeats) {
        return CpuNative.streamProbe(pattern, bytes, repeats);
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
