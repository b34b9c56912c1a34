package dev.dynlat.calibration.network;

import dev.dynlat.calibration.backend.NativeLibrary;

/** JNI bindings of the whole-network runner (cpu/network_runner.c in libdynlat_cpu). */
final class NetworkNative {
    static {
        NativeLibrary.load("dynlat_cpu");
    }

    private NetworkNative() {
    }

    static native long load(int[] steps, long[] bufferLengths, int[] lists, float[] weightScales, long[] weightOffsets,
                            long weightTotal, int[] seededBuffers, long seed);

    static native double[] time(long handle, int warmup, int runs);

    static native double[] profile(long handle, int runs);

    static native void run(long handle);

    static native float[] buffer(long handle, int buffer);

    static native void free(long handle);

    static native void setFault(int mode);
}
