package dev.dynlat.calibration.network;

import dev.dynlat.calibration.backend.BackendException;
import dev.dynlat.calibration.backend.NativeLibrary;

/**
 * A {@link NetworkProgram} loaded into native memory: buffers allocated and weights seeded once,
 * then run as one native sequence per inference. Not thread-safe; close it to free the memory.
 */
public final class NativeNetwork implements AutoCloseable {
    private final NetworkProgram program;
    private long handle;

    private NativeNetwork(NetworkProgram program, long handle) {
        this.program = program;
        this.handle = handle;
    }

    /** Why native networks cannot run here, or null when they can. */
    public static String unavailableReason() {
        NativeLibrary lib = NativeLibrary.load("dynlat_cpu");
        return lib.loaded() ? null : "cpu backend unavailable: " + lib.failure();
    }

    public static NativeNetwork load(NetworkProgram program) {
        String why = unavailableReason();
        if (why != null) {
            throw new BackendException(why);
        }
        NetworkProgram.Encoded e = program.encode();
        long[] lengths = program.bufferLengths().stream().mapToLong(Long::longValue).toArray();
        int[] inputs = program.inputs().stream().mapToInt(Integer::intValue).toArray();
        long h = NetworkNative.load(e.steps(), lengths, e.lists(), program.weightScales(), program.weightOffsets(),
                program.weightTotal(), inputs, program.seed());
        return new NativeNetwork(program, h);
    }

    public NetworkProgram program() {
        return program;
    }

    /** Seconds of each of {@code runs} inferences after {@code warmup} untimed ones. */
    public double[] time(int warmup, int runs) {
        return NetworkNative.time(live(), warmup, runs);
    }

    /** Seconds spent in each step, summed over {@code runs} inferences (a timer around every step). */
    public double[] profile(int runs) {
        return NetworkNative.profile(live(), runs);
    }

    public void run() {
        NetworkNative.run(live());
    }

    /** The current contents of a buffer. */
    public float[] buffer(int buffer) {
        return NetworkNative.buffer(live(), buffer);
    }

    /**
     * Test hook: 1 makes the GEMM skip every second thread tile when it has more than 8 (a kernel
     * that skips work), 0 restores correct kernels. Affects every native kernel of the process.
     */
    public static void injectFault(int mode) {
        NetworkNative.setFault(mode);
    }

    private long live() {
        if (handle == 0) {
            throw new IllegalStateException("native network " + program.name() + " is closed");
        }
        return handle;
    }

    @Override
    public void close() {
        if (handle != 0) {
            NetworkNative.free(handle);
            handle = 0;
        }
    }
}
