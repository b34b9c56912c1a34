package dev.dynlat.predictor.format;

import dev.dynlat.predictor.engine.BlockPrediction;
import dev.dynlat.predictor.engine.OperatorPrediction;
import dev.dynlat.predictor.engine.Prediction;
import dev.dynlat.predictor.engine.StagePrediction;
import dev.dynlat.reports.table.Column;
import dev.dynlat.reports.table.CsvTableWriter;
import dev.dynlat.reports.table.Table;

/** One CSV row per operator execution, units in the column names. */
public final class CsvFormatter {
    private CsvFormatter() {
    }

    public static String format(PredictionSummary s) {
        Prediction p = s.prediction();
        Table.Builder t = Table.builder().columns(Column.text("model"), Column.text("device"), Column.text("variant"),
                Column.integer("batch", ""), Column.text("stage"), Column.text("block"), Column.text("operator"),
                Column.text("role"), Column.text("kind"), Column.decimal("weight", ""),
                Column.decimal("latency_ms", ""), Column.decimal("compute_ms", ""), Column.decimal("memory_ms", ""),
                Column.text("bound"), Column.text("tiling"), Column.decimal("macs", ""),
                Column.decimal("dram_bytes", ""), Column.text("note"));
        for (StagePrediction st : p.stages()) {
            for (BlockPrediction b : st.blocks()) {
                for (OperatorPrediction o : b.operators()) {
                    t.row(p.model(), p.device(), p.variant(), (long) p.batch(), st.name(), b.name(), o.name(),
                            o.role().id(), o.kind(), o.weight(), o.latencyMs(), o.computeMs(), o.memoryMs(),
                            o.bound().id(), o.cost().tiling().toString(), o.macs(), o.dramBytes(), o.note());
                }
            }
        }
        return new CsvTableWriter().render(t.build());
    }
}
