package dev.dynlat.calibration.protocol;

/**
 * The thing being timed, typically one kernel configuration on a backend.
 *
 * <p>The implementation performs {@code warmupRuns} untimed runs itself (a native backend does
 * this inside one process so that the warm-up really warms the same caches and clocks), then
 * returns the wall time of each of the {@code timedRuns} timed runs, in seconds.
 * Backends report their own failures as unchecked exceptions (e.g.
 * {@link java.io.UncheckedIOException}); the protocol lets them propagate.
 */
@FunctionalInterface
public interface TimedRun {

    /**
     * @param warmupRuns untimed runs to perform first (&ge; 0)
     * @param timedRuns  timed runs to perform and report (&ge; 1)
     * @return exactly {@code timedRuns} durations in seconds, each finite and &gt; 0
     */
    double[] run(int warmupRuns, int timedRuns);
}
