package dev.dynlat.calibration.backend;

import dev.dynlat.calibration.kernel.KernelSpec;
import java.util.Objects;

/**
 * What the JNI backends share: argument checks before any native call, availability handling, and
 * the measuring entry points; a backend only supplies its native calls.
 */
abstract class NativeBackend implements Backend {
    /** Seed of the operands in timing runs; fixed so repeated timings see identical data. */
    static final long TIMING_SEED = 42L;

    /** Smallest buffer the stream probe accepts: one cache line. */
    static final long MIN_STREAM_BYTES = 64;

    @Override
    public final boolean available() {
        return unavailableReason().isEmpty();
    }

    /** Native timing of one kernel: seconds per timed run. */
    abstract double[] nativeTime(int kind, int[] dims, int[] listA, int[] listB, long seed, int warmupRuns,
                                 int timedRuns);

    /** Native single run of one kernel: its output. */
    abstract float[] nativeRunOnce(int kind, int[] dims, int[] listA, int[] listB, long seed);

    /** Native FMA probe: {FLOP, seconds}. */
    abstract double[] nativeFmaProbe(long work);

    /** Native stream probe: seconds per pass. */
    abstract double[] nativeStreamProbe(int pattern, long bytes, int repeats);

    @Override
    public final double[] time(KernelSpec spec, int warmupRuns, int timedRuns) {
        checked(spec);
        checkRuns(warmupRuns, timedRuns);
        requireAvailable();
        return nativeTime(spec.kind().code(), spec.nativeDims(), spec.nativeListA(), spec.nativeListB(), TIMING_SEED,
                warmupRuns, timedRuns);
    }

    @Override
    public final float[] runOnce(KernelSpec spec, long seed) {
        checked(spec);
        requireAvailable();
        return nativeRunOnce(spec.kind().code(), spec.nativeDims(), spec.nativeListA(), spec.nativeListB(), seed);
    }

    @Override
    public final double peakFlops(long work) {
        checkPositive("work", work);
        requireAvailable();
        // best of three: a single short run is easily disturbed by other processes
        double best = 0;
        for (int i = 0; i < 3; i++) {
            best = Math.max(best, flopRate(nativeFmaProbe(work)));
        }
        return best;
    }

    @Override
    public final double streamBandwidth(StreamPattern pattern, long bytes, int repeats) {
        checkStream(pattern, bytes, repeats);
        requireAvailable();
        return bestBandwidth(pattern, bytes, nativeStreamProbe(pattern.code(), bytes, repeats));
    }

    /** Throws {@link BackendException} with the reason when the backend cannot run. */
    final void requireAvailable() {
        String reason = unavailableReason();
        if (!reason.isEmpty()) {
            throw new BackendException(reason);
        }
    }

    static KernelSpec checked(KernelSpec spec) {
        Objects.requireNonNull(spec, "spec");
        spec.validate();
        return spec;
    }

    static void checkRuns(int warmupRuns, int timedRuns) {
        if (warmupRuns < 0) {
            throw new IllegalArgumentException("warmupRuns must be >= 0, got " + warmupRuns);
        }
        if (timedRuns <= 0) {
            throw new IllegalArgumentException("timedRuns must be positive, got " + timedRuns);
        }
    }

    static void checkPositive(String field, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be positive, got " + value);
        }
    }

    static void checkStream(StreamPattern pattern, long bytes, int repeats) {
        Objects.requireNonNull(pattern, "pattern");
        if (bytes < MIN_STREAM_BYTES) {
            throw new IllegalArgumentException("bytes must be >= " + MIN_STREAM_BYTES + ", got " + bytes);
        }
        checkPositive("repeats", repeats);
    }

    /** Best bandwidth (bytes/s) over the per-pass times. */
    static double bestBandwidth(StreamPattern pattern, long bytes, double[] seconds) {
        double best = Double.POSITIVE_INFINITY;
        for (double s : seconds) {
            best = Math.min(best, s);
        }
        return pattern.bytesMoved(bytes) / best;
    }

    /** FLOP/s from the native {FLOP, seconds} pair. */
    static double flopRate(double[] flopAndSeconds) {
        return flopAndSeconds[0] / flopAndSeconds[1];
    }
}
