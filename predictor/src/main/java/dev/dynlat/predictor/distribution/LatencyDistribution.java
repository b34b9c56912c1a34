package dev.dynlat.predictor.distribution;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A discrete distribution of latency (milliseconds): atoms of value and probability, sorted by
 * value, probabilities summing to 1. Quantiles are the lower quantile (the smallest value whose
 * cumulative probability reaches q), so p50 is always one of the latencies that occur.
 *
 * @param atoms the support with probabilities, ascending, equal values merged
 * @param method how the distribution was obtained (exact exit atoms, exact sums, grid, inputs)
 */
public record LatencyDistribution(List<Atom> atoms, String method) {
    /** One latency and its probability. */
    public record Atom(double latencyMs, double probability) {
    }

    /** Relative tolerance under which two latencies count as one atom. */
    static final double MERGE = 1e-12;

    public LatencyDistribution {
        if (atoms.isEmpty()) {
            throw new IllegalArgumentException("a distribution needs at least one atom");
        }
        List<Atom> sorted = new ArrayList<>(atoms);
        sorted.sort(Comparator.comparingDouble(Atom::latencyMs));
        List<Atom> merged = new ArrayList<>();
        double total = 0;
        for (Atom a : sorted) {
            total += a.probability();
            Atom last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && Math.abs(a.latencyMs() - last.latencyMs()) <= MERGE * Math.max(1, Math.abs(a.latencyMs()))) {
                merged.set(merged.size() - 1, new Atom(last.latencyMs(), last.probability() + a.probability()));
            } else if (a.probability() > 0) {
                merged.add(a);
            }
        }
        if (merged.isEmpty() || Math.abs(total - 1) > 1e-6) {
            throw new IllegalArgumentException("probabilities must sum to 1, got " + total);
        }
        // Normalise away the rounding of summed probabilities, so one atom has probability exactly 1.
        List<Atom> normalised = new ArrayList<>(merged.size());
        for (Atom a : merged) {
            normalised.add(new Atom(a.latencyMs(), a.probability() / total));
        }
        atoms = List.copyOf(normalised);
    }

    public double mean() {
        return atoms.stream().mapToDouble(a -> a.latencyMs() * a.probability()).sum();
    }

    public double min() {
        return atoms.get(0).latencyMs();
    }

    public double max() {
        return atoms.get(atoms.size() - 1).latencyMs();
    }

    /** The lower q-quantile, q in (0, 1]. */
    public double quantile(double q) {
        double cum = 0;
        for (Atom a : atoms) {
            cum += a.probability();
            if (cum >= q - 1e-12) {
                return a.latencyMs();
            }
        }
        return max();
    }

    /** Standard deviation. */
    public double stdMs() {
        double m = mean();
        double v = atoms.stream().mapToDouble(a -> (a.latencyMs() - m) * (a.latencyMs() - m) * a.probability()).sum();
        return Math.sqrt(Math.max(v, 0));
    }

    /** Probability mass in {@code bins} equal bins from min to max (one bin when all inputs are equal). */
    public Histogram histogram(int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins: must be positive, got " + bins);
        }
        double lo = min();
        double hi = max();
        if (hi - lo <= MERGE * Math.max(1, hi)) {
            return new Histogram(lo, 0, new double[] {1});
        }
        double width = (hi - lo) / bins;
        double[] mass = new double[bins];
        for (Atom a : atoms) {
            int i = (int) Math.floor((a.latencyMs() - lo) / width);
            mass[Math.min(Math.max(i, 0), bins - 1)] += a.probability();
        }
        return new Histogram(lo, width, mass);
    }
}
