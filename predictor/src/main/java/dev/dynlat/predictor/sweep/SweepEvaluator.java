package dev.dynlat.predictor.sweep;

import dev.dynlat.predictor.dynamic.Paradigm;
import dev.dynlat.predictor.engine.Prediction;
import dev.dynlat.predictor.engine.Predictor;
import dev.dynlat.predictor.schedule.Schedule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns rows of a {@link SweepPlan} into text. One instance per thread: it keeps one engine
 * {@link Predictor} per target (so tile searches run once per operator shape and device) and,
 * per group, the engine's stage predictions for every candidate option of every stage.
 *
 * <p>Rows cost only additions: a group's {@link StageTable} holds the engine's totals of every
 * stage at every candidate option, and each row of the cross product is the sum of its stages
 * plus the fixed stem and head, exactly what {@link Prediction#latencyMs()} sums.
 * {@code SweepRunnerTest} checks rows against whole-network predictions.
 */
final class SweepEvaluator {
    private final SweepPlan plan;
    private final List<String> columns;
    private final RowFormat format;
    private final Map<Integer, Predictor> predictors = new HashMap<>();
    private final Map<Integer, Prediction> statics = new HashMap<>();
    private SweepPlan.Group cachedGroup;
    private GroupTable cachedTable;

    SweepEvaluator(SweepPlan plan, RowFormat format) {
        this.plan = plan;
        this.format = format;
        this.columns = SweepColumns.names(plan.stageColumns());
    }

    /** The engine's stage totals of a group: {@code stages[stage][choice]}, plus the fixed part. */
    record GroupTable(StageTotals[][] stages, double fixedMs, double staticMs, int batch) {
    }

    /** Appends rows {@code from} (inclusive) to {@code to} (exclusive) of a group, as text. */
    void appendRows(SweepPlan.Group g, long from, long to, StringBuilder sb) {
        GroupTable t = table(g);
        SweepPlan.Target target = plan.targets().get(g.target());
        int n = g.space().stages();
        int[] idx = new int[n];
        for (long k = from; k < to; k++) {
            g.space().indices(k, idx);
            double blocks = 0;
            for (int i = 0; i < n; i++) {
                blocks += t.stages()[i][idx[i]].latencyMs();
            }
            double latency = t.fixedMs() + blocks;
            format.begin(sb);
            int c = 0;
            format.text(sb, columns.get(c++), target.model().name(), true);
            format.text(sb, columns.get(c++), target.device().name(), false);
            format.text(sb, columns.get(c++), target.variant().id(), false);
            format.number(sb, columns.get(c++), t.batch(), false);
            format.text(sb, columns.get(c++), g.paradigm().id(), false);
            format.text(sb, columns.get(c++), label(g, idx), false);
            format.number(sb, columns.get(c++), g.rate(), false);
            format.number(sb, columns.get(c++), latency, false);
            format.number(sb, columns.get(c++), latency / t.batch(), false);
            format.number(sb, columns.get(c++), blocks, false);
            format.number(sb, columns.get(c++), t.staticMs(), false);
            format.number(sb, columns.get(c++), t.staticMs() / latency, false);
            for (int i = 0; i < plan.stageColumns(); i++) {
                String col = columns.get(c++);
                if (i < n) {
                    format.number(sb, col, t.stages()[i][idx[i]].latencyMs(), false);
                } else {
                    format.text(sb, col, "", false);
                }
            }
            int roles = SweepColumns.ROLES.size();
            for (int i = 0; i < plan.stageColumns(); i++) {
                for (int r = 0; r < roles; r++) {
                    String col = columns.get(c++);
                    if (i < n) {
                        format.number(sb, col, t.stages()[i][idx[i]].roleMs()[r], false);
                    } else {
                        format.text(sb, col, "", false);
                    }
                }
            }
            format.end(sb);
        }
    }

    private String label(SweepPlan.Group g, int[] idx) {
        if (g.paradigm() == Paradigm.STATIC || g.paradigm() == Paradigm.LAYER) {
            return g.paradigm().id();
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < idx.length; i++) {
            if (i > 0) {
                sb.append('-');
            }
            sb.append(g.space().value(i, idx[i]));
        }
        return sb.toString();
    }

    GroupTable table(SweepPlan.Group g) {
        if (g.equals(cachedGroup)) {
            return cachedTable;
        }
        SweepPlan.Target target = plan.targets().get(g.target());
        Predictor predictor = predictors.computeIfAbsent(g.target(), k -> new Predictor(target.device(),
                target.variant(), target.batch() == 0 ? Schedule.defaults() : Schedule.defaults().withBatch(target.batch())));
        Prediction dense = statics.computeIfAbsent(g.target(),
                k -> predictor.predict(SweepWorkloads.staticWorkload(target.model())));
        StageTable t = StageTable.of(predictor, target.model(), g.paradigm(), g.space(), g.rate());
        cachedGroup = g;
        cachedTable = new GroupTable(t.stages(), t.fixedMs(), dense.latencyMs(), predictor.batch());
        return cachedTable;
    }
}
