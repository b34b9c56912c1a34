package dev.dynlat.calibration.backend;

/** JNI bindings of libdynlat_cpu (cpu/cpu_jni.c). Callers validate arguments first. */
final class CpuNative {
    static {
        // load on first use of the bindings too; a failure leaves the natives unlinked and is
        // reported by the backend's unavailableReason()
        NativeLibrary.load("dynlat_cpu");
    }

    private CpuNative() {
    }

    static native double[] time(int kind, int[] dims, int[] listA, int[] listB, long seed, int warmup, int runs);

    static native float[] runOnce(int kind, int[] dims, int[] listA, int[] listB, long seed);

    /** Returns {FLOP done, seconds}. */
    static native double[] fmaProbe(long iterationsPerThread);

    /** Returns seconds of each pass. */
    static native double[] streamProbe(int pattern, long bytes, int repeats);

    static native void emptyCall();

    static native int threads();

    static native String isa();
}
