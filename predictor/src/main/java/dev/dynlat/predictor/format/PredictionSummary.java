package dev.dynlat.predictor.format;

import dev.dynlat.predictor.engine.Prediction;

/**
 * A dynamic prediction next to the static prediction of the same network on the same device and
 * schedule; {@code reference} is null for a static workload.
 */
public record PredictionSummary(Prediction prediction, Prediction reference) {

    public boolean dynamic() {
        return reference != null;
    }

    /** Static latency divided by dynamic latency (1 for a static workload). */
    public double speedup() {
        return reference == null ? 1 : reference.latencyMs() / prediction.latencyMs();
    }
}
