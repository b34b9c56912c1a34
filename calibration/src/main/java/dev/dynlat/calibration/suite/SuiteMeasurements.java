package dev.dynlat.calibration.suite;

import dev.dynlat.calibration.protocol.Measurement;
import java.util.Map;

/**
 * Measurements of a suite, by case key; a flagged first measurement is replaced by its re-run when
 * the re-run is steadier.
 *
 * @param byKey    the measurement used for each case
 * @param reruns   how many flagged cases were measured again
 * @param flagged  how many cases are still flagged after the re-runs
 * @param seconds  wall time of the whole measurement phase
 * @param speedCorrection per case, the factor that brings its median to the machine's typical speed
 *     (from a reference kernel timed just before it); absent means 1
 * @param speed every reading of the reference kernel over the run; their median is the speed that
 *     the corrected medians describe (no readings without a reference kernel)
 */
public record SuiteMeasurements(Map<String, Measurement> byKey, int reruns, int flagged, double seconds,
                                Map<String, Double> speedCorrection, SpeedReadings speed) {
    public SuiteMeasurements {
        byKey = Map.copyOf(byKey);
        speedCorrection = Map.copyOf(speedCorrection);
    }

    public SuiteMeasurements(Map<String, Measurement> byKey, int reruns, int flagged, double seconds) {
        this(byKey, reruns, flagged, seconds, Map.of(), SpeedReadings.none());
    }

    /** Median of the reference readings, seconds (NaN without a reference kernel). */
    public double typicalReferenceS() {
        return speed.medianS();
    }

    /** The case's median corrected to the machine's typical speed, seconds. */
    public double correctedMedianS(String key) {
        return get(key).medianS() * speedCorrection.getOrDefault(key, 1.0);
    }

    public Measurement get(String key) {
        Measurement m = byKey.get(key);
        if (m == null) {
            throw new IllegalArgumentException("no measurement for " + key);
        }
        return m;
    }

    /** Raw timed samples over all cases and attempts. */
    public int sampleCount() {
        return byKey.values().stream().mapToInt(Measurement::sampleCount).sum();
    }
}
