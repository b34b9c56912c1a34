package dev.dynlat.predictor.distribution;

import dev.dynlat.predictor.dynamic.DecisionDynamics;
import dev.dynlat.predictor.engine.PathCosts;
import java.util.List;
import java.util.function.IntFunction;

/**
 * How a batched runtime runs per-input decisions, and what it costs. A batch of B inputs runs
 * every segment on the inputs still present: those that left at an earlier exit drop out of the
 * batch, so segment s runs at batch n_s (the inputs leaving at exit s or later; nothing when
 * n_s = 0). A decided block runs, on all present inputs, when any of them keeps it (the runtime
 * does not regroup the batch per block, as BlockDrop's batched forward does not). The latency is
 * per batch; per image divides by the inputs in it.
 *
 * <p>Batch 1 is the per-input path cost. At B &gt; 1 the batch's latency is not the mean of the
 * inputs' own paths: blocks run for the whole batch, and smaller remaining batches use the device
 * less efficiently.
 */
public final class BatchedRuntime {
    /** Binomial counts with less probability than this (relative to the largest) are not costed. */
    static final double NEGLIGIBLE = 1e-9;

    private final IntFunction<PathCosts> costs;

    /** {@code costs}: the path costs at a given batch size (cached by the caller). */
    public BatchedRuntime(IntFunction<PathCosts> costs) {
        this.costs = costs;
    }

    /**
     * Per-image latency of consecutive batches of {@code batch} inputs (the last batch may be
     * smaller), each batch weighing by its inputs.
     */
    public LatencyDistribution ofInputs(List<InputDecision> inputs, int batch) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("decisions: no inputs");
        }
        AtomTally tally = new AtomTally();
        int groups = 0;
        for (long from = 0; from < inputs.size(); from += batch) {
            List<InputDecision> group = inputs.subList((int) from, (int) Math.min(from + batch, inputs.size()));
            tally.add(batchLatencyMs(group) / group.size(), group.size());
            groups++;
        }
        return new LatencyDistribution(tally.atoms(), "batched runtime over " + groups + " batches of up to " + batch
                + " inputs (per image)");
    }

    /** Latency of one batch of inputs, milliseconds. */
    public double batchLatencyMs(List<InputDecision> inputs) {
        // Built once: a compact list makes each input on every get, and the loops below revisit them.
        InputDecision[] group = inputs.toArray(new InputDecision[0]);
        PathCosts shape = costs.apply(group.length);
        int segments = shape.exits() == 0 ? 1 : shape.exits();
        double sum = 0;
        for (int s = 0; s < segments; s++) {
            int n = 0;
            for (InputDecision in : group) {
                n += shape.exits() == 0 || in.exit() >= s ? 1 : 0;
            }
            if (n == 0) {
                continue;
            }
            PathCosts c = costs.apply(n);
            sum += c.segmentMs(s);
            for (int d = 0; d < c.decisions(); d++) {
                if (c.branchSegment(d) != s) {
                    continue;
                }
                for (InputDecision in : group) {
                    if ((shape.exits() == 0 || in.exit() >= s) && in.keeps(d)) {
                        sum += c.branchMs(d);
                        break;
                    }
                }
            }
        }
        return sum;
    }

    /**
     * Expected latency of one batch of {@code batch} independent inputs under exit proportions and
     * keep probabilities: segment s runs at n ~ Binomial(batch, reach_s) present inputs, and a
     * decided block runs with probability 1 − (1 − k)^n. Exact over the counts whose probability is
     * at least {@value #NEGLIGIBLE} of the most likely one ({@link BinomialWindow}: the neglected
     * tails hold less than {@link BinomialWindow#neglectedMass()} of the mass, renormalised). The
     * work and memory grow with the window (about 13 standard deviations wide), not with the batch.
     *
     * @throws IllegalArgumentException when a window holds more than
     *     {@link dev.dynlat.operators.input.InputBounds#BATCH_SIZES_COSTED} batch sizes (each is a
     *     costing of the network), naming the batch, the count and the limit
     */
    public double expectedBatchMs(DecisionDynamics d, int exits, int batch) {
        int segments = Math.max(exits, 1);
        BinomialWindow[] windows = new BinomialWindow[segments];
        for (int s = 0; s < segments; s++) {
            windows[s] = BinomialWindow.of(batch, d.reach(s), NEGLIGIBLE);
            windows[s].checkCosted("batch");
        }
        double sum = 0;
        for (int s = 0; s < segments; s++) {
            BinomialWindow w = windows[s];
            double total = 0;
            double part = 0;
            double[] weights = w.weights();
            // Indexed by position: counting n up to hi would overflow at hi = 2^31 - 1.
            for (int i = 0; i < weights.length; i++) {
                int n = w.lo() + i;
                double mass = weights[i];
                if (n == 0 || mass <= 0) {
                    continue;
                }
                PathCosts c = costs.apply(n);
                double v = c.segmentMs(s);
                for (int b = 0; b < c.decisions(); b++) {
                    if (c.branchSegment(b) == s) {
                        v += (1 - Math.pow(1 - d.keep(b), n)) * c.branchMs(b);
                    }
                }
                part += mass * v;
                total += mass;
            }
            // Nobody present (n = 0) costs nothing; the kept mass is renormalised to 1 - P(0).
            double kept = 1 - Math.pow(1 - d.reach(s), batch);
            sum += total > 0 ? part / total * kept : 0;
        }
        return sum;
    }
}
