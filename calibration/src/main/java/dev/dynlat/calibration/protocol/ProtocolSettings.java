package dev.dynlat.calibration.protocol;

import dev.dynlat.operators.input.InputBounds;

/**
 * How one configuration is measured: warm-up runs, timed runs per attempt, how many attempts
 * are allowed, and the largest acceptable relative spread of an attempt.
 *
 * <p>Modelled on JMH's warm-up / measurement iterations. The spread is the robust relative
 * spread defined in {@link SampleStats#relativeSpread(double[])}: {@code (p75 - p25) / median}
 * of the timed samples of one attempt (dimensionless).
 *
 * @param warmupRuns          untimed runs before each attempt's timed runs ({@link InputBounds#WARMUP_RUNS})
 * @param timedRuns           timed runs per attempt ({@link InputBounds#TIMED_RUNS}; &ge; 3, so quartiles
 *                            are meaningful)
 * @param maxAttempts         attempts before the measurement is flagged as noisy (&ge; 1)
 * @param maxRelativeSpread   accept an attempt when its relative spread is &le; this value
 *                            (dimensionless, finite, &gt; 0; e.g. 0.10 = 10 %)
 */
public record ProtocolSettings(int warmupRuns, int timedRuns, int maxAttempts, double maxRelativeSpread) {

    /** Smallest number of timed runs for which an interquartile spread says anything. */
    public static final int MIN_TIMED_RUNS = InputBounds.TIMED_RUNS.min();

    public ProtocolSettings {
        // The CLI's bounds: a run count beyond them would exhaust memory or never finish.
        InputBounds.WARMUP_RUNS.check(warmupRuns);
        InputBounds.TIMED_RUNS.check(timedRuns);
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, got " + maxAttempts);
        }
        if (!Double.isFinite(maxRelativeSpread) || maxRelativeSpread <= 0) {
            throw new IllegalArgumentException(
                    "maxRelativeSpread must be finite and > 0, got " + maxRelativeSpread);
        }
    }

    /** Fast preset for smoke runs: 3 warm-up, 7 timed, 2 attempts, 10 % spread. */
    public static ProtocolSettings quick() {
        return new ProtocolSettings(3, 7, 2, 0.10);
    }

    /** Preset for calibration runs that feed a report: 5 warm-up, 15 timed, 3 attempts, 10 % spread. */
    public static ProtocolSettings full() {
        return new ProtocolSettings(5, 15, 3, 0.10);
    }
}
