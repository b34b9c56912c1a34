package dev.dynlat.predictor.distribution;

import dev.dynlat.predictor.engine.PathCosts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Per-input latency distributions from path costs, deterministic in every case:
 * <ul>
 *   <li>exit proportions: one atom per exit at its cumulative latency (exact);</li>
 *   <li>independent keep probabilities of decided blocks: the distribution of a sum of
 *       Bernoulli-weighted branch costs, enumerated exactly over distinct sums (equal blocks give
 *       equal sums, so ResNet-101's 33 blocks have about 13 000 of them); when there would be more
 *       than {@value #MAX_EXACT_ATOMS} distinct sums, the branches are rounded to a grid of
 *       {@value #GRID} steps over their total and convolved (each branch off by at most half a
 *       step, stated in the method text);</li>
 *   <li>per-input decisions (a file): the empirical distribution, each input 1/N.</li>
 * </ul>
 */
public final class Distributions {
    /** Most distinct sums kept before falling back to the grid. */
    public static final int MAX_EXACT_ATOMS = 1 << 18;
    /** Grid steps over the total branch latency in the fallback. */
    public static final int GRID = 1 << 16;
    /** Sums are keyed at this resolution (milliseconds): one picosecond. */
    private static final double KEY = 1e-9;

    private Distributions() {
    }

    /**
     * Exit proportions {@code p} (or, when empty, every input to the last exit) combined with keep
     * probabilities {@code keep} (empty: every decided block runs). Inputs decide independently.
     */
    public static LatencyDistribution of(PathCosts c, double[] p, double[] keep) {
        double[] exits = p.length == 0 ? lastExitOnly(c) : p;
        List<LatencyDistribution.Atom> atoms = new ArrayList<>();
        boolean grid = false;
        for (int e = 0; e < exits.length; e++) {
            if (exits[e] <= 0) {
                continue;
            }
            Sums sums = branchSums(c, e, keep);
            grid |= sums.grid;
            double base = c.latencyMs(e, noneKept(c));
            for (double[] sumAndMass : sums.mass.values()) {
                atoms.add(new LatencyDistribution.Atom(base + sumAndMass[0], exits[e] * sumAndMass[1]));
            }
        }
        String method = keep.length == 0 ? "exact (one atom per exit)"
                : grid ? String.format(Locale.ROOT, "grid convolution (%d steps over the branch total)", GRID)
                : "exact (enumerated distinct sums of independent blocks)";
        return new LatencyDistribution(atoms, method);
    }

    /** The empirical distribution of inputs' latencies, each input weighing 1/N. */
    public static LatencyDistribution ofInputs(PathCosts c, List<InputDecision> inputs) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("decisions: no inputs");
        }
        AtomTally tally = new AtomTally();
        for (InputDecision in : inputs) {
            tally.add(c.latencyMs(in.exit(), in.keep()), 1);
        }
        return new LatencyDistribution(tally.atoms(), "empirical over " + inputs.size() + " inputs");
    }

    private static double[] lastExitOnly(PathCosts c) {
        double[] p = new double[c.lastExit() + 1];
        p[p.length - 1] = 1;
        return p;
    }

    private static boolean[] noneKept(PathCosts c) {
        return new boolean[c.decisions()];
    }

    /**
     * Distribution of the kept branch latency of an input leaving at {@code exit}: probability per
     * sum (milliseconds). Sums are merged when they agree to a picosecond, keeping the first sum's
     * exact value, so equal blocks collapse without rounding anything.
     */
    private record Sums(Map<Long, double[]> mass, boolean grid) {
    }

    private static Sums branchSums(PathCosts c, int exit, double[] keep) {
        List<Integer> active = new ArrayList<>();
        for (int d = 0; d < c.decisions(); d++) {
            if (c.exits() == 0 || c.branchSegment(d) <= exit) {
                active.add(d);
            }
        }
        Map<Long, double[]> mass = new HashMap<>();
        mass.put(0L, new double[] {0, 1});
        if (keep.length == 0) {
            double all = 0;
            for (int d : active) {
                all += c.branchMs(d);
            }
            return new Sums(Map.of(0L, new double[] {all, 1}), false);
        }
        for (int d : active) {
            mass = step(mass, c.branchMs(d), keep[d]);
            if (mass.size() > MAX_EXACT_ATOMS) {
                return gridSums(c, active, keep);
            }
        }
        return new Sums(mass, false);
    }

    private static Map<Long, double[]> step(Map<Long, double[]> mass, double cost, double k) {
        Map<Long, double[]> next = new HashMap<>(mass.size() * 2);
        for (double[] e : mass.values()) {
            if (k < 1) {
                add(next, e[0], e[1] * (1 - k));
            }
            if (k > 0) {
                add(next, e[0] + cost, e[1] * k);
            }
        }
        return next;
    }

    private static void add(Map<Long, double[]> mass, double sum, double p) {
        double[] at = mass.computeIfAbsent(Math.round(sum / KEY), key -> new double[] {sum, 0});
        at[1] += p;
    }

    private static Sums gridSums(PathCosts c, List<Integer> active, double[] keep) {
        double total = active.stream().mapToDouble(c::branchMs).sum();
        double h = total / GRID;
        double[] mass = new double[GRID + active.size() + 1];
        mass[0] = 1;
        int top = 0;
        for (int d : active) {
            int shift = (int) Math.round(c.branchMs(d) / h);
            double k = keep[d];
            for (int i = top; i >= 0; i--) {
                double m = mass[i];
                if (m == 0) {
                    continue;
                }
                mass[i] = m * (1 - k);
                mass[i + shift] += m * k;
            }
            top += shift;
        }
        Map<Long, double[]> out = new HashMap<>();
        for (int i = 0; i <= top; i++) {
            if (mass[i] > 0) {
                out.put((long) i, new double[] {i * h, mass[i]});
            }
        }
        return new Sums(out, true);
    }
}
