package dev.dynlat.predictor.sweep;

import dev.dynlat.reports.table.Column;
import dev.dynlat.reports.table.Precision;
import dev.dynlat.reports.table.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A flag-form sweep's points as a table a page holds: one row per rate, one column of latency
 * per image (ms) per option, the fastest option and its speedup over the static network last.
 * The long list of every point (one row per option and rate) stays in CSV and Markdown.
 */
public final class SweepTables {
    private static final Precision MS = Precision.decimalPlaces(4);

    private SweepTables() {
    }

    /**
     * Pivots the points table of a flag-form sweep (columns {@code option}, {@code rate},
     * {@code latency_per_image_ms}, {@code speedup}).
     */
    public static Table latencyByRate(Table points) {
        List<String> options = points.texts("option");
        double[] rates = points.numbers("rate");
        double[] latency = points.numbers("latency_per_image_ms");
        double[] speedup = points.numbers("speedup");
        Set<String> optionOrder = new LinkedHashSet<>(options);
        Map<Double, Map<String, Integer>> rowOf = new LinkedHashMap<>();
        for (int i = 0; i < rates.length; i++) {
            rowOf.computeIfAbsent(rates[i], r -> new LinkedHashMap<>()).put(options.get(i), i);
        }
        List<Column> columns = new ArrayList<>();
        columns.add(Column.decimal("rate", "", Precision.decimalPlaces(2)));
        for (String option : optionOrder) {
            columns.add(Column.decimal(option, "ms", MS));
        }
        columns.add(Column.text("best"));
        columns.add(Column.decimal("speedup", "x", Precision.decimalPlaces(2)));
        Table.Builder t = Table.builder().columns(columns.toArray(new Column[0]));
        for (Map.Entry<Double, Map<String, Integer>> e : rowOf.entrySet()) {
            List<Object> row = new ArrayList<>();
            row.add(e.getKey());
            int best = -1;
            for (String option : optionOrder) {
                Integer i = e.getValue().get(option);
                row.add(i == null ? null : latency[i]);
                if (i != null && (best < 0 || latency[i] < latency[best])) {
                    best = i;
                }
            }
            row.add(options.get(best));
            row.add(speedup[best]);
            t.row(row);
        }
        return t.build();
    }
}
