package dev.dynlat.predictor.request;

import dev.dynlat.predictor.distribution.DecisionReport;
import dev.dynlat.predictor.format.DisplayNames;
import dev.dynlat.predictor.format.PredictionSummary;

/**
 * What a prediction request gives: the prediction with its static reference and calibration band,
 * and, for networks with per-input decisions, their latency report (null otherwise). Latencies
 * inside are milliseconds per batch.
 */
public record PredictionResult(PredictionSummary summary, DecisionReport report) {
    /** The title of the per-input latency chart, in readable names; parts joined by ", ". */
    public String chartTitle() {
        return DisplayNames.model(summary.prediction().model()) + " on "
                + DisplayNames.device(summary.prediction().device()) + ", per-input latency at batch 1";
    }
}
