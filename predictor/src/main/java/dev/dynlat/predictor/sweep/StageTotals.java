package dev.dynlat.predictor.sweep;

import dev.dynlat.predictor.workload.Role;
import dev.dynlat.predictor.engine.StagePrediction;

/**
 * The totals of one stage's prediction that sweep rows need: latency and latency by role,
 * milliseconds per batch. Taken from the engine's {@link StagePrediction}, never recomputed.
 *
 * @param latencyMs stage latency
 * @param roleMs latency per role of {@link SweepColumns#roleIds()}, in that order
 */
public record StageTotals(double latencyMs, double[] roleMs) {
    static StageTotals of(StagePrediction stage) {
        double[] roles = new double[SweepColumns.ROLES.size()];
        for (int i = 0; i < roles.length; i++) {
            Role r = SweepColumns.ROLES.get(i);
            roles[i] = stage.latencyMs(r);
        }
        return new StageTotals(stage.latencyMs(), roles);
    }
}
