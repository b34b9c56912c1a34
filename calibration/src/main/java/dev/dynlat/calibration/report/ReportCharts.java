package dev.dynlat.calibration.report;

import dev.dynlat.calibration.suite.EvaluatedCase;
import dev.dynlat.reports.chart.Axis;
import dev.dynlat.reports.chart.ChartFiles;
import dev.dynlat.reports.chart.ChartSize;
import dev.dynlat.reports.chart.ScatterChartSpec;
import dev.dynlat.reports.chart.Series;
import dev.dynlat.reports.io.OutputSet;
import dev.dynlat.reports.io.OutputTarget;
import dev.dynlat.reports.table.Column;
import dev.dynlat.reports.table.CsvTableWriter;
import dev.dynlat.reports.table.Table;
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

    /** Registers the SVG, PNG and points-CSV files of chart {@code base} in {@code outputs}. */
    static List<OutputTarget> add(OutputSet outputs, Path dir, String base) {
        return List.of(outputs.add("--report", dir.resolve(base + ".svg")),
                outputs.add("--report", dir.resolve(base + ".png")),
                outputs.add("--report", dir.resolve(base + ".csv")));
    }

    /** Held-out operators: before and after calibration and the roofline, as SVG, PNG and CSV. */
    static void prepareOperators(List<EvaluatedCase> heldOut, OutputSet outputs, List<OutputTarget> targets)
            throws IOException {
        prepare("Held-out operators: predicted vs measured", heldOut, List.of("before calibration",
                "after calibration", "roofline"), outputs, targets);
    }

    /** Dynamic blocks: predictor before / after calibration and the roofline, as SVG, PNG and CSV. */
    static void prepareBlocks(List<EvaluatedCase> blocks, OutputSet outputs, List<OutputTarget> targets)
            throws IOException {
        prepare("Dynamic blocks: predicted vs measured", blocks, List.of("predictor, before calibration",
                "predictor, calibrated", "roofline"), outputs, targets);
    }

    private static void prepare(String title, List<EvaluatedCase> cases, List<String> names, OutputSet outputs,
                                List<OutputTarget> targets) throws IOException {
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
        outputs.prepare(targets.get(0), ChartFiles.body(spec, targets.get(0).path(), ChartSize.SQUARE));
        outputs.prepare(targets.get(1), ChartFiles.body(spec, targets.get(1).path(), ChartSize.SQUARE));
        outputs.prepareText(targets.get(2), new CsvTableWriter().render(points.build()));
    }

    private static Series series(String name, List<EvaluatedCase> cases, ToDoubleFunction<EvaluatedCase> predicted) {
        double[] x = cases.stream().mapToDouble(c -> c.measuredS() * 1e3).toArray();
        double[] y = cases.stream().mapToDouble(c -> predicted.applyAsDouble(c) * 1e3).toArray();
        return new Series(name, x, y);
    }
}
