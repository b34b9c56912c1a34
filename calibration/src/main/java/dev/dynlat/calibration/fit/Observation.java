package dev.dynlat.calibration.fit;

import java.util.Objects;

/**
 * One measured configuration used to fit or to evaluate a {@link ParametricModel}.
 *
 * @param key        unique, stable identifier of the configuration (used by {@link HeldOutSplit})
 * @param group      class label for per-group error statistics, e.g. "conv", "gather",
 *                   "block-spatial"
 * @param payload    whatever the model needs to predict this configuration (opaque here)
 * @param measuredS  measured latency (median), seconds, finite and &gt; 0
 * @param spread     relative spread of the measurement (dimensionless, finite, &ge; 0)
 * @param <P>        payload type understood by the model
 */
public record Observation<P>(String key, String group, P payload, double measuredS, double spread) {

    public Observation {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("key must be non-blank, got '" + key + "'");
        }
        if (group == null || group.isBlank()) {
            throw new IllegalArgumentException("group must be non-blank for key " + key);
        }
        Objects.requireNonNull(payload, () -> "payload of key " + key);
        if (!Double.isFinite(measuredS) || measuredS <= 0) {
            throw new IllegalArgumentException("measuredS must be finite and > 0 for key " + key
                    + ", got " + measuredS);
        }
        if (!Double.isFinite(spread) || spread < 0) {
            throw new IllegalArgumentException("spread must be finite and >= 0 for key " + key
                    + ", got " + spread);
        }
    }
}
