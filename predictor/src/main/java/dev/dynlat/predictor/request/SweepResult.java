package dev.dynlat.predictor.request;

import dev.dynlat.predictor.dynamic.Paradigm;
import dev.dynlat.predictor.engine.Prediction;
import dev.dynlat.reports.table.Table;

/**
 * A rate sweep's answer: every point (model, device, variant, batch, mode, option, rate and
 * latencies in ms per batch and per image, with the static latency and the speedup) and, per rate, the best uniform and best per-stage option (ms per image).
 */
public record SweepResult(String model, String device, Paradigm paradigm, int batch, Prediction dense, Table points,
                          Table best) {
}
