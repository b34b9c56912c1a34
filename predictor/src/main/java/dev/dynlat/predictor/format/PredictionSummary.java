package dev.dynlat.predictor.format;

import dev.dynlat.predictor.engine.Prediction;

/**
 * A dynamic prediction next to the static prediction of the same network on the same device and
 * schedule; {@code reference} is null for a static workload. {@code bandLow} and {@code bandHigh}
 * are the calibrated profile's p10 and p90 of measured / predicted on held-out configurations
 * (dimensionless factors on the latency; 0 when the profile has none).
 */
public record PredictionSummary(Prediction prediction, Prediction reference, double bandLow, double bandHigh) {

    public PredictionSummary(Prediction prediction, Prediction reference) {
        this(prediction, reference, 0, 0);
    }

    /** Whether a p10–p90 prediction band is known. */
    public boolean hasBand() {
        return bandLow > 0 && bandHigh >= bandLow;
    }

    public boolean dynamic() {
        return reference != null;
    }

    /** Static latency divided by dynamic latency (1 for a static workload). */
    public double speedup() {
        return reference == null ? 1 : reference.latencyMs() / prediction.latencyMs();
    }
}
