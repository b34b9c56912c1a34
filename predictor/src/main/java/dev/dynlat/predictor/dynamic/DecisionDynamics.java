package dev.dynlat.predictor.dynamic;

import dev.dynlat.predictor.workload.Network;
import java.util.Arrays;
import java.util.Locale;

/**
 * Per-input decisions in expectation: the proportion of inputs leaving at each exit (GFNet steps,
 * MSDNet classifiers) and the probability that each policy-decided block runs (BlockDrop). A
 * sample that leaves at exit {@code e} runs nothing after that exit; a dropped block skips its
 * residual branch but keeps its shortcut. An empty array means "not given": every input runs to
 * the last exit, every decided block runs.
 *
 * @param exitProportions one proportion per exit in exit order, summing to 1 (or empty)
 * @param keepProbabilities one run probability per decided block in the policy's order (or empty)
 */
public record DecisionDynamics(double[] exitProportions, double[] keepProbabilities) implements Dynamics {
    /** Tolerance on the sum of exit proportions. */
    public static final double SUM_TOLERANCE = 1e-6;

    public DecisionDynamics {
        exitProportions = exitProportions.clone();
        keepProbabilities = keepProbabilities.clone();
    }

    @Override
    public double[] exitProportions() {
        return exitProportions.clone();
    }

    @Override
    public double[] keepProbabilities() {
        return keepProbabilities.clone();
    }

    /**
     * Checks the decisions against a network; messages name the field and the value.
     *
     * @throws IllegalArgumentException on the first problem
     */
    public void validate(Network net) {
        int exits = net.exits().size();
        if (exitProportions.length > 0) {
            if (exits == 0) {
                throw new IllegalArgumentException("exits: " + net.name() + " has no early exits");
            }
            if (exitProportions.length != exits) {
                throw new IllegalArgumentException("exits: " + net.name() + " has " + exits + " exits, got "
                        + exitProportions.length + " proportions");
            }
            double sum = 0;
            for (int i = 0; i < exitProportions.length; i++) {
                if (!(exitProportions[i] >= 0 && exitProportions[i] <= 1)) {
                    throw new IllegalArgumentException("exits: proportion " + (i + 1) + " must be in [0, 1], got "
                            + exitProportions[i]);
                }
                sum += exitProportions[i];
            }
            if (Math.abs(sum - 1) > SUM_TOLERANCE) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "exits: proportions must sum to 1, got %.6f", sum));
            }
        }
        int decided = net.decidedBlocks().size();
        if (keepProbabilities.length > 0) {
            if (decided == 0) {
                throw new IllegalArgumentException("keep-probs: " + net.name() + " has no policy-decided blocks");
            }
            if (keepProbabilities.length != decided) {
                throw new IllegalArgumentException("keep-probs: " + net.name() + " has " + decided
                        + " decided blocks, got " + keepProbabilities.length + " probabilities");
            }
            for (int i = 0; i < keepProbabilities.length; i++) {
                if (!(keepProbabilities[i] >= 0 && keepProbabilities[i] <= 1)) {
                    throw new IllegalArgumentException("keep-probs: probability " + (i + 1) + " ("
                            + net.decidedBlocks().get(i) + ") must be in [0, 1], got " + keepProbabilities[i]);
                }
            }
        }
    }

    /** Probability that an input reaches segment {@code s} (runs the nodes after exit s-1). */
    public double reach(int segment) {
        double r = 1;
        for (int j = 0; j < segment && j < exitProportions.length; j++) {
            r -= exitProportions[j];
        }
        if (exitProportions.length > 0 && segment >= exitProportions.length) {
            return 0;
        }
        return Math.max(r, 0);
    }

    /** Probability that decided block {@code d} runs. */
    public double keep(int decision) {
        return keepProbabilities.length == 0 ? 1 : keepProbabilities[decision];
    }

    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder("decisions");
        if (exitProportions.length > 0) {
            sb.append(" exits ").append(join(exitProportions));
        }
        if (keepProbabilities.length > 0) {
            double mean = Arrays.stream(keepProbabilities).sum();
            sb.append(String.format(Locale.ROOT, " keep %.2f of %d blocks", mean, keepProbabilities.length));
        }
        return sb.toString();
    }

    private static String join(double[] v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.4g", v[i]));
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DecisionDynamics d && Arrays.equals(d.exitProportions, exitProportions)
                && Arrays.equals(d.keepProbabilities, keepProbabilities);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(exitProportions) * 31 + Arrays.hashCode(keepProbabilities);
    }

    @Override
    public String toString() {
        return "DecisionDynamics[exits=" + Arrays.toString(exitProportions) + ", keep="
                + Arrays.toString(keepProbabilities) + "]";
    }
}
