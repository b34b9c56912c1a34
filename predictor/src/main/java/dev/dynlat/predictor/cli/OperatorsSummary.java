package dev.dynlat.predictor.cli;

import dev.dynlat.calibration.measured.Accuracy;
import dev.dynlat.calibration.measured.MeasuredClasses;
import dev.dynlat.calibration.measured.MeasuredOperator;
import dev.dynlat.calibration.measured.ShapeFamily;
import dev.dynlat.reports.table.Column;
import dev.dynlat.reports.table.MarkdownTableWriter;
import dev.dynlat.reports.table.Precision;
import dev.dynlat.reports.table.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The summary of {@code dynlat operators}: per device (profile and variant) and operator class, and over
 * every class, the rows, their MdAPE and share within ±20 %, and the same over the rows of held-out
 * shape families alone (the figures a calibration report gives for rows it never fitted).
 */
final class OperatorsSummary {
    private static final Precision PCT = Precision.decimalPlaces(1);
    static final String ALL = "all";

    private OperatorsSummary() {
    }

    static String render(List<MeasuredOperator> rows, double[] predictedMs, Function<MeasuredOperator, String> device) {
        Map<String, Map<String, List<Integer>>> groups = new TreeMap<>();
        for (int i = 0; i < rows.size(); i++) {
            MeasuredOperator m = rows.get(i);
            Map<String, List<Integer>> byClass = groups.computeIfAbsent(device.apply(m), d -> new TreeMap<>());
            byClass.computeIfAbsent(MeasuredClasses.of(m), c -> new ArrayList<>()).add(i);
        }
        Table.Builder t = Table.builder().columns(Column.text("device"), Column.text("class"),
                Column.integer("rows", ""), Column.decimal("MdAPE", "%", PCT), Column.decimal("within ±20%", "%", PCT),
                Column.integer("held-out rows", ""), Column.decimal("held-out MdAPE", "%", PCT),
                Column.decimal("held-out within ±20%", "%", PCT));
        groups.forEach((dev, byClass) -> {
            List<Integer> every = new ArrayList<>();
            byClass.forEach((cls, idx) -> {
                row(t, dev, cls, idx, rows, predictedMs);
                every.addAll(idx);
            });
            if (byClass.size() > 1) {
                row(t, dev, ALL, every, rows, predictedMs);
            }
        });
        return "predicted vs measured (held-out: rows of shape families that calibration never fits):\n"
                + new MarkdownTableWriter().render(t.build());
    }

    private static void row(Table.Builder t, String dev, String cls, List<Integer> idx, List<MeasuredOperator> rows,
                            double[] predictedMs) {
        List<Integer> held = idx.stream().filter(i -> ShapeFamily.heldOut(rows.get(i))).toList();
        Accuracy all = accuracy(idx, rows, predictedMs);
        Accuracy h = accuracy(held, rows, predictedMs);
        t.row(dev, cls, all.rows(), finite(all.mdapePct()), finite(all.within20Pct()), h.rows(), finite(h.mdapePct()),
                finite(h.within20Pct()));
    }

    private static Accuracy accuracy(List<Integer> idx, List<MeasuredOperator> rows, double[] predictedMs) {
        return Accuracy.of(idx.stream().mapToDouble(i -> predictedMs[i]).toArray(),
                idx.stream().mapToDouble(i -> rows.get(i).latencyMs()).toArray());
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
