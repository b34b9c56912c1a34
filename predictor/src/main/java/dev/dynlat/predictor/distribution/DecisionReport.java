package dev.dynlat.predictor.distribution;

/**
 * What per-input decisions do to latency: the latency of leaving at each exit, the per-input
 * distribution at batch 1, and, at a device batch above 1, the batched runtime's latency next to
 * the mean of the inputs' own paths.
 *
 * @param batch the device batch of the prediction
 * @param cumulativeMs latency per batch of a batch whose inputs all leave at each exit (every
 *                     decided block run), at the device batch; one entry without exits
 * @param cumulativeBatch1Ms the same at batch 1, per input
 * @param perInput the per-input latency distribution at batch 1, milliseconds
 * @param batched at a batch above 1, the batched runtime; null at batch 1
 */
public record DecisionReport(int batch, double[] cumulativeMs, double[] cumulativeBatch1Ms,
                             LatencyDistribution perInput, Batched batched) {
    /**
     * The batched runtime at the device batch, per image.
     *
     * @param ownPathMs mean of the inputs' own paths costed at the device batch (what an
     *                  expectation-weighted prediction says), per image
     * @param batchedMs the batched runtime's mean, per image
     * @param distribution per-image latency over the batches of an input file (null for
     *                     probabilities, where only the mean is computed)
     */
    public record Batched(double ownPathMs, double batchedMs, LatencyDistribution distribution) {
    }

    public DecisionReport {
        cumulativeMs = cumulativeMs.clone();
        cumulativeBatch1Ms = cumulativeBatch1Ms.clone();
    }

    @Override
    public double[] cumulativeMs() {
        return cumulativeMs.clone();
    }

    @Override
    public double[] cumulativeBatch1Ms() {
        return cumulativeBatch1Ms.clone();
    }
}
