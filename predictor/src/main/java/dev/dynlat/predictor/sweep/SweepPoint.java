package dev.dynlat.predictor.sweep;

/**
 * One configuration of a sweep and its prediction, milliseconds per batch.
 *
 * @param option the per-stage option as text: S or G of every stage (e.g. {@code 4-4-2-1}), or
 *     {@code layer} for layer skipping
 * @param rate activation rate of every block
 * @param latencyMs whole network
 * @param blocksLatencyMs residual blocks only
 * @param stageLatencyMs per residual stage
 */
public record SweepPoint(String option, double rate, double latencyMs, double blocksLatencyMs,
                         double[] stageLatencyMs) {
    public SweepPoint {
        stageLatencyMs = stageLatencyMs.clone();
    }

    @Override
    public double[] stageLatencyMs() {
        return stageLatencyMs.clone();
    }
}
