package dev.dynlat.calibration.protocol;

import java.util.Objects;

/**
 * One configuration to measure in a batch.
 *
 * @param key label of the configuration, copied into {@link Measurement#key()}
 * @param run the timed code
 */
public record MeasurementTask(String key, TimedRun run) {
    public MeasurementTask {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(run, "run");
    }
}
