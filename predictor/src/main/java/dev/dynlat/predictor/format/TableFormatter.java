package dev.dynlat.predictor.format;

import dev.dynlat.predictor.workload.Role;

import dev.dynlat.predictor.engine.BlockPrediction;
import dev.dynlat.predictor.engine.OperatorPrediction;
import dev.dynlat.predictor.engine.Prediction;
import dev.dynlat.predictor.engine.StagePrediction;
import dev.dynlat.reports.table.Column;
import dev.dynlat.reports.table.MarkdownTableWriter;
import dev.dynlat.reports.table.Precision;
import dev.dynlat.reports.table.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Human-readable output: a summary, per-stage and per-operator tables, role breakdown. */
public final class TableFormatter {
    private static final Precision MS = Precision.decimalPlaces(4);
    private static final Precision PCT = Precision.decimalPlaces(1);
    private static final Precision G = Precision.decimalPlaces(3);

    private TableFormatter() {
    }

    public static String format(PredictionSummary s, boolean detail) {
        Prediction p = s.prediction();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s on %s (%s variant), batch %d, %s%n", p.model(), p.device(),
                p.variant(), p.batch(), p.dynamics()));
        sb.append(String.format(Locale.ROOT, "latency: %.4f ms per batch, %.4f ms per image; blocks only: %.4f ms%n",
                p.latencyMs(), p.latencyPerImageMs(), p.blocksLatencyMs()));
        if (s.dynamic()) {
            Prediction r = s.reference();
            sb.append(String.format(Locale.ROOT,
                    "static:  %.4f ms per batch, %.4f ms per image; blocks only: %.4f ms; speedup %.3fx%n",
                    r.latencyMs(), r.latencyPerImageMs(), r.blocksLatencyMs(), s.speedup()));
        }
        sb.append(String.format(Locale.ROOT, "bound: %s (compute %.4f ms, memory %.4f ms); dense MACs %.3f G per image,"
                        + " executed %.3f G per image%n%n", p.bound().id(), p.computeMs(), p.memoryMs(),
                p.denseMacs() / 1e9, p.executedMacs() / p.batch() / 1e9));
        ExecutedMacsNote.of(p).ifPresent(note -> sb.insert(sb.length() - System.lineSeparator().length(),
                note + System.lineSeparator()));
        sb.append(render(stageTable(p)));
        if (s.dynamic()) {
            sb.append('\n').append(render(roleTable(p)));
        }
        sb.append('\n').append(render(detail ? blockOperatorTable(p) : operatorTable(p)));
        return sb.toString();
    }

    private static String render(Table t) {
        return new MarkdownTableWriter().render(t);
    }

    private static Table stageTable(Prediction p) {
        Table.Builder t = Table.builder().columns(Column.text("stage"), Column.integer("blocks", ""),
                Column.decimal("latency", "ms/batch", MS), Column.decimal("share", "%", PCT),
                Column.decimal("compute", "ms", MS), Column.decimal("memory", "ms", MS),
                Column.decimal("MACs", "G/batch", G));
        double total = p.latencyMs();
        for (StagePrediction st : p.stages()) {
            double compute = st.blocks().stream().mapToDouble(BlockPrediction::computeMs).sum();
            double memory = st.blocks().stream().mapToDouble(BlockPrediction::memoryMs).sum();
            t.row(st.name(), (long) st.blocks().size(), st.latencyMs(), 100 * st.latencyMs() / total, compute, memory,
                    st.macs() / 1e9);
        }
        t.row("total", (long) p.stages().stream().mapToInt(s -> s.blocks().size()).sum(), total, 100.0,
                p.computeMs(), p.memoryMs(), p.executedMacs() / 1e9);
        return t.build();
    }

    private static Table roleTable(Prediction p) {
        List<Role> roles = new ArrayList<>();
        for (Role r : Role.values()) {
            if (p.stages().stream().anyMatch(s -> s.latencyMs(r) > 0)) {
                roles.add(r);
            }
        }
        List<Column> cols = new ArrayList<>();
        cols.add(Column.text("stage"));
        for (Role r : roles) {
            cols.add(Column.decimal(r.id(), "ms", MS));
        }
        Table.Builder t = Table.builder().columns(cols.toArray(Column[]::new));
        for (StagePrediction st : p.stages()) {
            List<Object> row = new ArrayList<>();
            row.add(st.name());
            for (Role r : roles) {
                row.add(st.latencyMs(r));
            }
            t.row(row);
        }
        return t.build();
    }

    private static Table operatorTable(Prediction p) {
        Table.Builder t = Table.builder().columns(Column.text("stage"), Column.text("operator"),
                Column.integer("count", ""), Column.decimal("latency", "ms/batch", MS), Column.text("bound"),
                Column.text("tiling (first)"), Column.decimal("MACs", "G/batch", G), Column.decimal("DRAM", "MB/batch", G),
                Column.text("note"));
        for (StagePrediction st : p.stages()) {
            for (OperatorGroup g : OperatorGroup.of(st)) {
                t.row(g.stage(), g.name(), (long) g.count(), g.latencyMs(), g.first().bound().id(),
                        g.first().cost().tiling().toString(), g.macs() / 1e9, g.dramBytes() / 1e6, g.first().note());
            }
        }
        return t.build();
    }

    private static Table blockOperatorTable(Prediction p) {
        Table.Builder t = Table.builder().columns(Column.text("block"), Column.text("operator"), Column.text("role"),
                Column.decimal("weight", "", Precision.decimalPlaces(3)), Column.decimal("latency", "ms/batch", MS),
                Column.decimal("compute", "ms", MS), Column.decimal("memory", "ms", MS), Column.text("bound"),
                Column.text("tiling"), Column.decimal("MACs", "G/batch", G), Column.text("note"));
        for (StagePrediction st : p.stages()) {
            for (BlockPrediction b : st.blocks()) {
                for (OperatorPrediction o : b.operators()) {
                    t.row(b.name(), o.name(), o.role().id(), o.weight(), o.latencyMs(), o.computeMs(), o.memoryMs(),
                            o.bound().id(), o.cost().tiling().toString(), o.macs() / 1e9, o.note());
                }
            }
        }
        return t.build();
    }
}
