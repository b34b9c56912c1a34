package dev.dynlat.predictor.request;

import dev.dynlat.operators.input.DecimalText;
import dev.dynlat.predictor.distribution.DecisionAnalysis;
import dev.dynlat.predictor.distribution.DecisionReport;
import dev.dynlat.predictor.distribution.DecisionsFile;
import dev.dynlat.predictor.distribution.InputDecision;
import dev.dynlat.predictor.dynamic.DecisionDynamics;
import dev.dynlat.predictor.engine.Predictor;
import dev.dynlat.predictor.engine.Workload;
import dev.dynlat.predictor.workload.Network;
import dev.dynlat.reports.chart.ChartFormat;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The per-input decision options of {@code predict} ({@code --exits}, {@code --keep-probs},
 * {@code --policy}, {@code --policies}, {@code --decisions}, {@code --chart}), checked and turned
 * into decision dynamics and a report. Probabilities and input files exclude each other.
 */
public final class DecisionOptions {
    private final String exits;
    private final String keepProbs;
    private final String policy;
    private final Path policies;
    private final Path decisions;
    private final Path chart;

    public DecisionOptions(String exits, String keepProbs, String policy, Path policies, Path decisions, Path chart) {
        this.exits = exits;
        this.keepProbs = keepProbs;
        this.policy = policy;
        this.policies = policies;
        this.decisions = decisions;
        this.chart = chart;
    }

    /** The decisions of a run: expected dynamics (null: none given) and, for files, the inputs. */
    public record Resolved(DecisionDynamics dynamics, List<InputDecision> inputs, DecisionsFile.RateRows rates) {
        Resolved(DecisionDynamics dynamics, List<InputDecision> inputs) {
            this(dynamics, inputs, null);
        }

        public boolean given() {
            return dynamics != null;
        }

        /** Per-input activation rates (LAUDNet-style skipping), or null. */
        public boolean rateRows() {
            return rates != null;
        }

        /** The mean rate over inputs and blocks (the expected breakdown's uniform rate). */
        public double meanRate() {
            return rates.meanRate();
        }

        public DecisionReport report(Predictor predictor, Workload workload) {
            DecisionAnalysis a = new DecisionAnalysis(predictor, workload);
            return inputs == null ? a.fromProbabilities() : a.fromInputs(inputs);
        }
    }

    public boolean any() {
        return exits != null || keepProbs != null || policy != null || policies != null || decisions != null;
    }

    /** Rejects a chart path with an unknown extension before any work. */
    public void checkChart() {
        if (chart == null) {
            return;
        }
        try {
            ChartFormat.fromPath(chart);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--chart: " + e.getMessage());
        }
    }

    /**
     * Checks the options against the network; null when the network has neither exits nor
     * decided blocks and no option was given (a plain prediction).
     */
    public Resolved resolve(Network net) {
        int files = (policy != null ? 1 : 0) + (policies != null ? 1 : 0) + (decisions != null ? 1 : 0);
        if (files > 1) {
            throw new IllegalArgumentException("policy/policies/decisions: give one of --policy, --policies or"
                    + " --decisions");
        }
        if (files == 1 && (exits != null || keepProbs != null)) {
            throw new IllegalArgumentException("exits/keep-probs: probabilities cannot be combined with per-input"
                    + " --policy, --policies or --decisions");
        }
        if (!any()) {
            if (chart != null && net.exits().isEmpty() && net.decidedBlocks().isEmpty()) {
                throw new IllegalArgumentException("chart: " + net.name() + " has no per-input decisions (no exits,"
                        + " no policy); use --exits, --keep-probs, --policies or --decisions with a dynamic network");
            }
            return net.exits().isEmpty() && net.decidedBlocks().isEmpty() ? null : new Resolved(null, null);
        }
        int decided = net.decidedBlocks().size();
        int exitCount = net.exits().size();
        List<InputDecision> inputs = null;
        if (policy != null) {
            if (decided == 0) {
                throw new IllegalArgumentException("policy: " + net.name() + " has no policy-decided blocks");
            }
            int last = Math.max(exitCount - 1, 0);
            inputs = List.of(new InputDecision(last, DecisionsFile.bits("policy", policy.strip(), decided)));
        } else if (policies != null) {
            inputs = DecisionsFile.policies(policies, net);
        } else if (decisions != null) {
            DecisionsFile.Parsed parsed = DecisionsFile.read(decisions, net);
            if (parsed.rates() != null) {
                return new Resolved(null, null, parsed.rates());
            }
            inputs = parsed.inputs();
        }
        DecisionDynamics d;
        if (inputs != null) {
            d = DecisionAnalysis.frequencies(inputs, exitCount, decided);
        } else {
            double[] p = exits == null ? new double[0] : numbers("exits", exits);
            double[] k = new double[0];
            if (keepProbs != null) {
                k = numbers("keep-probs", keepProbs);
                if (k.length == 1 && decided > 1) {
                    double v = k[0];
                    k = new double[decided];
                    Arrays.fill(k, v);
                }
            }
            d = new DecisionDynamics(p, k);
        }
        d.validate(net);
        return new Resolved(d, inputs);
    }

    private static double[] numbers(String field, String text) {
        String[] parts = text.split(",", -1);
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].strip();
            if (!DecimalText.isDecimal(p)) {
                throw new IllegalArgumentException(field + ": value " + (i + 1) + " '" + p + "' is not a number");
            }
            out[i] = DecimalText.parse(p);
            if (!Double.isFinite(out[i])) {
                throw new IllegalArgumentException(field + ": value " + (i + 1) + " '" + p + "' is not finite");
            }
        }
        return out;
    }
}
