package dev.dynlat.calibration.protocol;

import java.util.Objects;

/** Progress hook called by {@link MeasurementProtocol#measureAll} after each configuration. */
@FunctionalInterface
public interface MeasurementListener {

    /** A listener that ignores everything. */
    MeasurementListener NONE = (m, done, total) -> { };

    /**
     * @param measurement the configuration just measured
     * @param done        configurations measured so far, including this one (1-based)
     * @param total       configurations in the whole run
     */
    void onMeasured(Measurement measurement, int done, int total);

    /** Calls this listener, then {@code next}. */
    default MeasurementListener andThen(MeasurementListener next) {
        Objects.requireNonNull(next, "next");
        return (m, done, total) -> {
            onMeasured(m, done, total);
            next.onMeasured(m, done, total);
        };
    }
}
