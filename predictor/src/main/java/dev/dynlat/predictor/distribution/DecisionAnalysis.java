package dev.dynlat.predictor.distribution;

import dev.dynlat.predictor.dynamic.DecisionDynamics;
import dev.dynlat.predictor.engine.PathCosts;
import dev.dynlat.predictor.engine.Predictor;
import dev.dynlat.predictor.engine.Workload;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link DecisionReport} for a workload on a predictor's device, from probabilities
 * (the workload's {@link DecisionDynamics}) or from a list of per-input decisions.
 */
public final class DecisionAnalysis {
    private final Predictor predictor;
    private final Workload workload;
    private final Map<Integer, PathCosts> byBatch = new HashMap<>();

    public DecisionAnalysis(Predictor predictor, Workload workload) {
        this.predictor = predictor;
        this.workload = workload;
    }

    /** Path costs at a batch size, costed once. */
    public PathCosts costs(int batch) {
        return byBatch.computeIfAbsent(batch, b -> predictor.pathCosts(workload, b));
    }

    /** The expectation over the workload's probabilities (inputs independent). */
    public DecisionReport fromProbabilities() {
        DecisionDynamics d = decisions(workload);
        PathCosts one = costs(1);
        LatencyDistribution dist = Distributions.of(one, d.exitProportions(), d.keepProbabilities());
        DecisionReport.Batched batched = null;
        int b = predictor.batch();
        if (b > 1) {
            PathCosts full = costs(b);
            double own = Distributions.of(full, d.exitProportions(), d.keepProbabilities()).mean() / b;
            double run = new BatchedRuntime(this::costs).expectedBatchMs(d, full.exits(), b) / b;
            batched = new DecisionReport.Batched(own, run, null);
        }
        return new DecisionReport(b, costs(b).cumulativeMs(), one.cumulativeMs(), dist, batched);
    }

    /** The empirical distribution of the inputs, batched in file order at the device batch. */
    public DecisionReport fromInputs(List<InputDecision> inputs) {
        PathCosts one = costs(1);
        LatencyDistribution dist = Distributions.ofInputs(one, inputs);
        DecisionReport.Batched batched = null;
        int b = predictor.batch();
        if (b > 1) {
            double own = Distributions.ofInputs(costs(b), inputs).mean() / b;
            LatencyDistribution run = new BatchedRuntime(this::costs).ofInputs(inputs, b);
            batched = new DecisionReport.Batched(own, run.mean(), run);
        }
        return new DecisionReport(b, costs(b).cumulativeMs(), one.cumulativeMs(), dist, batched);
    }

    /**
     * Exit proportions and keep frequencies of a list of inputs (for the expected breakdown).
     * Inputs are counted as integers and divided once: adding {@code 1/n} per input drifts (eleven
     * inputs that all keep a block summed to 1.0000000000000002, outside [0, 1]).
     */
    public static DecisionDynamics frequencies(List<InputDecision> inputs, int exits, int decided) {
        long[] atExit = new long[exits];
        long[] kept = new long[decided];
        for (InputDecision in : inputs) {
            if (exits > 0) {
                atExit[in.exit()]++;
            }
            for (int d = 0; d < decided; d++) {
                kept[d] += in.keeps(d) ? 1 : 0;
            }
        }
        double n = inputs.size();
        double[] p = new double[exits];
        for (int e = 0; e < exits; e++) {
            p[e] = atExit[e] / n;
        }
        double[] k = new double[decided];
        for (int d = 0; d < decided; d++) {
            k[d] = kept[d] / n;
        }
        return new DecisionDynamics(fixSum(p), k);
    }

    /**
     * Rounding may leave the sum a few ulps off 1; move that onto the largest proportion, kept
     * within [0, 1].
     */
    private static double[] fixSum(double[] p) {
        if (p.length == 0) {
            return p;
        }
        double sum = 0;
        int big = 0;
        for (int i = 0; i < p.length; i++) {
            sum += p[i];
            big = p[i] > p[big] ? i : big;
        }
        p[big] = Math.min(1, Math.max(0, p[big] + 1 - sum));
        return p;
    }

    private static DecisionDynamics decisions(Workload w) {
        return w.dynamics() instanceof DecisionDynamics d ? d : new DecisionDynamics(new double[0], new double[0]);
    }
}
