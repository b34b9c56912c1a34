package dev.dynlat.predictor.distribution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds up probability per latency (milliseconds) as inputs are costed, so that ten million inputs
 * with a few thousand distinct path latencies hold a few thousand entries, not ten million atoms.
 * Equal latencies merge exactly (by their bits); {@link LatencyDistribution} merges near-equal
 * ones afterwards as always.
 */
final class AtomTally {
    private final Map<Double, double[]> weight = new HashMap<>();

    /** Adds {@code w} to the probability of {@code latencyMs}. */
    void add(double latencyMs, double w) {
        weight.computeIfAbsent(latencyMs, k -> new double[1])[0] += w;
    }

    /** The atoms, normalised by the total weight. */
    List<LatencyDistribution.Atom> atoms() {
        double total = 0;
        for (double[] w : weight.values()) {
            total += w[0];
        }
        List<LatencyDistribution.Atom> out = new ArrayList<>(weight.size());
        for (Map.Entry<Double, double[]> e : weight.entrySet()) {
            out.add(new LatencyDistribution.Atom(e.getKey(), e.getValue()[0] / total));
        }
        return out;
    }
}
