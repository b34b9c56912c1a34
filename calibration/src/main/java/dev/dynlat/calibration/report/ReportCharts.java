package dev.dynlat.calibration.report;

import dev.dynlat.calibration.suite.EvaluatedCase;
import dev.dynlat.reports.chart.Axis;
import dev.dynlat.reports.chart.ChartFiles;
import dev.dynlat.reports.chart.ChartSize;
import dev.dynlat.reports.chart.ScatterChartSpec;
import dev.dynlat.reports.chart.Series;
import dev.dynlat.reports.table.Column;
import dev.dynlat.reports.table.Table;
import dev.dynlat.reports.table.TableFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The report's scatter charts: predicted vs measured, log-log and square, identity line and
 * ±10 % band, the roofline baseline as its own series and the measured run-to-run spread (the
 * interquartile range) as horizontal bars. Each chart's points are also written as
 * {@code <chart>.csv}, which {@code dynlat report --measured} redraws.
 */
public final class ReportCharts {
    public static final String OPERATORS = "predicted-vs-measured";
    public static final String BLOCKS = "blocks-predicted-vs-measured";
    static final double BAND_PERCENT = 10;

    private ReportCharts() {
    }

    /** Held-out operators: before and after calibration and the roofline, as SVG, PNG and CSV. */
    public static void writeOperators(List<EvaluatedCase> heldOut, Path dir) throws IOException {
        write("Held-out operators: predicted vs measured", heldOut, List.of("before calibration", "after calibration",
                "roofline"), dir, OPERATORS);
    }

    /** Dynamic blocks: predictor before / after calibration and the roofline, as SVG, PNG and CSV. */
    public static void writeBlocks(List<EvaluatedCase> blocks, Path dir) throws IOException {
        write("Dynamic blocks: predicted vs measured", blocks, List.of("predictor, before calibration",
                "predictor, calibrated", "roofline"), dir, BLOCKS);
    }

    private static void write(String title, List<EvaluatedCase> cases, List<String> names, Path dir, String base)
            throws IOException {
        List<ToDoubleFunction<EvaluatedCase>> predicted = List.of(EvaluatedCase::beforeS, EvaluatedCase::afterS,
                EvaluatedCase::rooflineS);
        List<Series> series = new ArrayList<>();
        List<ScatterChartSpec.Spread> spreads = new ArrayList<>();
        Table.Builder points = Table.builder().columns(Column.text("case"), Column.text("group"), Column.text("series"),
                Column.decimal("measured_ms", ""), Column.decimal("predicted_ms", ""),
                Column.decimal("measured_low_ms", ""), Column.decimal("measured_high_ms", ""));
        double[] low = cases.stream().mapToDouble(c -> c.measuredS() * 1e3 * (1 - Math.min(0.99, c.spread() / 2)))
                .toArray();
        double[] high = cases.stream().mapToDouble(c -> c.measuredS() * 1e3 * (1 + c.spread() / 2)).toArray();
        for (int s = 0; s < names.size(); s++) {
            series.add(series(names.get(s), cases, predicted.get(s)));
            // The measurement is the same for every series; its spread is drawn once.
            if (s == 1) {
                spreads.add(new ScatterChartSpec.Spread(names.get(s), low, high));
            }
            for (int i = 0; i < cases.size(); i++) {
                EvaluatedCase c = cases.get(i);
                points.row(c.key(), c.group(), names.get(s), c.measuredS() * 1e3,
                        predicted.get(s).applyAsDouble(c) * 1e3, low[i], high[i]);
            }
        }
        ScatterChartSpec spec = new ScatterChartSpec(title, new Axis("measured latency", "ms"),
                new Axis("predicted latency", "ms"), series, true, BAND_PERCENT).withLegendTitle("prediction")
                .withSpreads(spreads);
        ChartFiles.write(spec, dir.resolve(base + ".svg"), ChartSize.SQUARE);
        ChartFiles.write(spec, dir.resolve(base + ".png"), ChartSize.SQUARE);
        TableFiles.write(points.build(), dir.resolve(base + ".csv"));
    }

    private static Series series(String name, List<EvaluatedCase> cases, ToDoubleFunction<EvaluatedCase> predicted) {
        double[] x = cases.stream().mapToDouble(c -> c.measuredS() * 1e3).toArray();
        double[] y = cases.stream().mapToDouble(c -> predicted.applyAsDouble(c) * 1e3).toArray();
        return new Series(name, x, y);
    }
}
