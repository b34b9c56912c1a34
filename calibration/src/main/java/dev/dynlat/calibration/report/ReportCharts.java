package dev.dynlat.calibration.report;

import dev.dynlat.calibration.suite.EvaluatedCase;
import dev.dynlat.reports.chart.Axis;
import dev.dynlat.reports.chart.ChartFiles;
import dev.dynlat.reports.chart.ChartSize;
import dev.dynlat.reports.chart.ScatterChartSpec;
import dev.dynlat.reports.chart.Series;
import dev.dynlat.reports.io.OutputSet;
import dev.dynlat.reports.io.OutputTarget;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The report's scatter charts: predicted vs measured, log-log, identity line and ±10 % band. */
public final class ReportCharts {
    public static final String OPERATORS = "predicted-vs-measured";
    public static final String BLOCKS = "blocks-predicted-vs-measured";
    static final double BAND_PERCENT = 10;

    private ReportCharts() {
    }

    /** Registers the SVG and PNG files of chart {@code base} in {@code outputs}. */
    static List<OutputTarget> add(OutputSet outputs, Path dir, String base) {
        return List.of(outputs.add("--report", dir.resolve(base + ".svg")),
                outputs.add("--report", dir.resolve(base + ".png")));
    }

    /** Held-out operators before vs after calibration, as SVG and PNG. */
    static void prepareOperators(List<EvaluatedCase> heldOut, OutputSet outputs, List<OutputTarget> targets)
            throws IOException {
        List<Series> series = List.of(series("before calibration", heldOut, EvaluatedCase::beforeS),
                series("after calibration", heldOut, EvaluatedCase::afterS));
        prepare(new ScatterChartSpec("Held-out operators: predicted vs measured", new Axis("measured latency", "ms"),
                new Axis("predicted latency", "ms"), series, true, BAND_PERCENT), outputs, targets);
    }

    /** Dynamic blocks: predictor before / after calibration and the roofline, as SVG and PNG. */
    static void prepareBlocks(List<EvaluatedCase> blocks, OutputSet outputs, List<OutputTarget> targets)
            throws IOException {
        List<Series> series = List.of(series("predictor, before calibration", blocks, EvaluatedCase::beforeS),
                series("predictor, calibrated", blocks, EvaluatedCase::afterS),
                series("roofline", blocks, EvaluatedCase::rooflineS));
        prepare(new ScatterChartSpec("Dynamic blocks: predicted vs measured", new Axis("measured latency", "ms"),
                new Axis("predicted latency", "ms"), series, true, BAND_PERCENT), outputs, targets);
    }

    private static void prepare(ScatterChartSpec spec, OutputSet outputs, List<OutputTarget> targets)
            throws IOException {
        for (OutputTarget t : targets) {
            outputs.prepare(t, ChartFiles.body(spec, t.path(), ChartSize.DEFAULT));
        }
    }

    private static Series series(String name, List<EvaluatedCase> cases, ToDoubleFunction<EvaluatedCase> predicted) {
        List<double[]> points = new ArrayList<>();
        for (EvaluatedCase c : cases) {
            points.add(new double[] {c.measuredS() * 1e3, predicted.applyAsDouble(c) * 1e3});
        }
        double[] x = points.stream().mapToDouble(p -> p[0]).toArray();
        double[] y = points.stream().mapToDouble(p -> p[1]).toArray();
        return new Series(name, x, y);
    }
}
