package dev.dynlat.calibration.backend;

import dev.dynlat.calibration.kernel.KernelSpec;

/**
 * A device that runs calibration microbenchmarks. Every spec is validated in Java before any native call.
 * When {@link #available()} is false every other call throws {@link BackendException} carrying
 * {@link #unavailableReason()}.
 */
public interface Backend {

    /** Short name as accepted by {@link Backends#byName(String)}: "cpu" or "cuda". */
    String name();

    boolean available();

    /** Why the backend cannot run (e.g. "no CUDA device"); empty when available. */
    String unavailableReason();

    /**
     * Runs {@code spec} {@code warmupRuns} times untimed, then {@code timedRuns} times, each timed on its own
     * (CPU: monotonic clock around the call; CUDA: events around the kernels). Operands are seeded with a fixed
     * seed and allocated once, so runs after the first are warm-cache.
     *
     * @return seconds per timed run, in run order
     */
    double[] time(KernelSpec spec, int warmupRuns, int timedRuns);

    /** Runs {@code spec} once on operands seeded with {@code seed} and returns the output tensor (small sizes). */
    float[] runOnce(KernelSpec spec, long seed);

    /**
     * Peak arithmetic probe: independent multiply-add chains on every thread / lane.
     *
     * @param work iterations per thread (CPU) or per GPU thread (CUDA); larger is longer and steadier
     * @return achieved FLOP/s (one multiply-add = 2 FLOP)
     */
    double peakFlops(long work);

    /**
     * Streaming bandwidth over a buffer of {@code bytes} bytes (choose it larger than the last-level cache).
     *
     * @return best of {@code repeats} passes in bytes/s; COPY counts bytes read plus bytes written
     */
    double streamBandwidth(StreamPattern pattern, long bytes, int repeats);

    /**
     * Fixed cost of one call with no work: a JNI round trip on the CPU, an empty kernel launch plus
     * synchronisation on CUDA.
     *
     * @return mean seconds per call over {@code calls} calls
     */
    double emptyCallSeconds(int calls);

    /** Human-readable device description (ISA level and threads, or GPU name). */
    String deviceDescription();
}
