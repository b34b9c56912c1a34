package dev.dynlat.predictor.sweep;

import dev.dynlat.predictor.dynamic.Paradigm;
import dev.dynlat.predictor.engine.Prediction;
import dev.dynlat.predictor.engine.Predictor;
import java.util.HashSet;
import java.util.Set;

/**
 * The engine's totals for every candidate option of every stage at one rate, milliseconds per
 * batch: {@code stage(i, j)} is stage i at its j-th option. Built with one whole-network
 * prediction per candidate index (every stage at its j-th option): the engine costs each
 * residual block from its own stage's option and rate only, so a stage's totals do not depend on
 * the other stages' options, and any combination's latency is {@code fixedMs} plus its stages.
 *
 * @param stages totals per stage and option index
 * @param fixedMs stem and head, which no option changes
 */
public record StageTable(StageTotals[][] stages, double fixedMs) {

    /** Runs the engine for a paradigm's option space at {@code rate}; STATIC gives the dense network. */
    public static StageTable of(Predictor predictor, SweepModel model, Paradigm paradigm, OptionSpace space,
                                double rate) {
        int n = space.stages();
        StageTotals[][] stages = new StageTotals[n][];
        int widest = 0;
        for (int i = 0; i < n; i++) {
            stages[i] = new StageTotals[space.choiceCount(i)];
            widest = Math.max(widest, space.choiceCount(i));
        }
        // Stages are paired with the prediction's by position: a stage of backbone blocks that no
        // option changes (MobileNetV2's first, without a shortcut) is fixed cost like the stem.
        int[] at = SweepWorkloads.stagePositions(model);
        Set<Integer> swept = new HashSet<>();
        for (int i = 0; i < n; i++) {
            swept.add(at[i]);
        }
        double fixed = 0;
        for (int j = 0; j < widest; j++) {
            Prediction p;
            if (paradigm == Paradigm.STATIC) {
                p = predictor.predict(SweepWorkloads.staticWorkload(model));
            } else {
                int[] perStage = new int[n];
                for (int i = 0; i < n; i++) {
                    perStage[i] = space.value(i, Math.min(j, space.choiceCount(i) - 1));
                }
                p = predictor.predict(SweepWorkloads.workload(model, paradigm, perStage, rate));
            }
            for (int i = 0; i < n; i++) {
                if (j < stages[i].length) {
                    stages[i][j] = StageTotals.of(p.stages().get(at[i]));
                }
            }
            if (j == widest - 1) {
                for (int k = 0; k < p.stages().size(); k++) {
                    fixed += swept.contains(k) ? 0 : p.stages().get(k).latencyMs();
                }
            }
        }
        return new StageTable(stages, fixed);
    }

    /** Stage {@code i} at option index {@code j}. */
    public StageTotals stage(int i, int j) {
        return stages[i][j];
    }

    public int stageCount() {
        return stages.length;
    }

    public int choiceCount(int stage) {
        return stages[stage].length;
    }

    /** Whole-network latency of a combination given as one option index per stage. */
    public double latencyMs(int[] indices) {
        double blocks = 0;
        for (int i = 0; i < indices.length; i++) {
            blocks += stages[i][indices[i]].latencyMs();
        }
        return fixedMs + blocks;
    }
}
