package dev.dynlat.predictor.cli;

import dev.dynlat.operators.input.DecimalText;
import dev.dynlat.operators.input.InputFiles;
import dev.dynlat.reports.chart.Axis;
import dev.dynlat.reports.chart.ScatterChartSpec;
import dev.dynlat.reports.chart.Series;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Predicted vs measured from the points a calibration report writes
 * ({@code predicted-vs-measured.csv}: {@code case, series, measured_ms, predicted_ms} and
 * optionally {@code measured_low_ms, measured_high_ms}, the run-to-run spread): one marker set
 * per series, log-log, square, ±10 % band.
 */
final class MeasuredChart {
    private MeasuredChart() {
    }

    static ScatterChartSpec load(Path file) {
        List<String> lines = InputFiles.readUtf8("--measured", file).lines().toList();
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("measured: '" + file + "' is empty");
        }
        // Headers with units ("measured_ms [ms]") name the same columns.
        List<String> header = CsvFields.split(lines.get(0)).stream().map(h -> h.replaceFirst(" \\[.*\\]$", "").strip())
                .toList();
        int series = column(header, "series", file);
        int measured = column(header, "measured_ms", file);
        int predicted = column(header, "predicted_ms", file);
        int low = header.indexOf("measured_low_ms");
        int high = header.indexOf("measured_high_ms");
        Map<String, List<double[]>> points = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            // Case names may hold commas inside quotes; the numeric columns are counted from the end.
            List<String> c = CsvFields.split(lines.get(i));
            if (c.size() != header.size()) {
                throw new IllegalArgumentException("measured: " + file + ":" + (i + 1) + ": expected " + header.size()
                        + " fields, got " + c.size());
            }
            String where = file + ":" + (i + 1);
            double m = positive(c.get(measured), where, "measured_ms");
            double lo = low < 0 ? m : positive(c.get(low), where, "measured_low_ms");
            double hi = high < 0 ? m : positive(c.get(high), where, "measured_high_ms");
            if (!(lo <= m && m <= hi)) {
                throw new IllegalArgumentException("measured: " + where + ": measured_ms " + m + " is outside ["
                        + lo + ", " + hi + "]");
            }
            points.computeIfAbsent(c.get(series), k -> new ArrayList<>())
                    .add(new double[] {m, positive(c.get(predicted), where, "predicted_ms"), lo, hi});
        }
        if (points.isEmpty()) {
            throw new IllegalArgumentException("measured: '" + file + "' has no rows");
        }
        List<Series> out = new ArrayList<>();
        List<ScatterChartSpec.Spread> spreads = new ArrayList<>();
        points.forEach((name, p) -> {
            out.add(Series.of(name, p.stream().mapToDouble(x -> x[0]).toArray(),
                    p.stream().mapToDouble(x -> x[1]).toArray()));
            if (low >= 0 && high >= 0 && spreads.isEmpty()) {
                spreads.add(new ScatterChartSpec.Spread(name, p.stream().mapToDouble(x -> x[2]).toArray(),
                        p.stream().mapToDouble(x -> x[3]).toArray()));
            }
        });
        return new ScatterChartSpec("Predicted vs measured", new Axis("measured latency", "ms"),
                new Axis("predicted latency", "ms"), out, true, 10).withLegendTitle("prediction").withSpreads(spreads);
    }

    private static int column(List<String> header, String name, Path file) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("measured: '" + file + "' has no column '" + name
                    + "'; expected the predicted-vs-measured.csv of a calibration report");
        }
        return i;
    }

    private static double positive(String text, String where, String field) {
        if (DecimalText.isDecimal(text)) {
            double v = DecimalText.parse(text);
            if (v > 0 && Double.isFinite(v)) {
                return v;
            }
        }
        throw new IllegalArgumentException("measured: " + where + ": " + field + " must be a positive number, got '"
                + text + "'");
    }

    /** RFC 4180 fields of one line. */
    static final class CsvFields {
        private CsvFields() {
        }

        static List<String> split(String line) {
            List<String> out = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (quoted) {
                    if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else if (ch == '"') {
                        quoted = false;
                    } else {
                        cur.append(ch);
                    }
                } else if (ch == '"') {
                    quoted = true;
                } else if (ch == ',') {
                    out.add(cur.toString());
                    cur.setLength(0);
                } else {
                    cur.append(ch);
                }
            }
            out.add(cur.toString());
            return out;
        }
    }
}
