package dev.dynlat.calibration.fit;

import java.util.Objects;

/**
 * A predicted latency next to the measured one, for error statistics and reports.
 *
 * @param key         configuration key
 * @param group       class label for per-group statistics
 * @param predictedS  predicted latency, seconds, finite and &gt; 0
 * @param measuredS   measured latency, seconds, finite and &gt; 0
 */
public record Prediction(String key, String group, double predictedS, double measuredS) {

    public Prediction {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(group, "group");
        if (!Double.isFinite(predictedS) || predictedS <= 0) {
            throw new IllegalArgumentException("predictedS must be finite and > 0 for key " + key
                    + ", got " + predictedS);
        }
        if (!Double.isFinite(measuredS) || measuredS <= 0) {
            throw new IllegalArgumentException("measuredS must be finite and > 0 for key " + key
                    + ", got " + measuredS);
        }
    }

    /** Absolute percentage error {@code 100 * |predicted - measured| / measured}, percent. */
    public double apePct() {
        return 100.0 * Math.abs(predictedS - measuredS) / measuredS;
    }
}
