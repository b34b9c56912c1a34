package dev.dynlat.calibration.report;

import dev.dynlat.calibration.suite.EvaluatedCase;
import dev.dynlat.reports.chart.Axis;
import dev.dynlat.reports.chart.ChartFiles;
import dev.dynlat.reports.chart.ScatterChartSpec;
import dev.dynlat.reports.chart.Series;
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

    /** Held-out operators before vs after calibration, as SVG and PNG. */
    public static void writeOperators(List<EvaluatedCase> heldOut, Path dir) throws IOException {
        List<Series> series = List.of(series("before calibration", heldOut, EvaluatedCase::beforeS),
                series("after calibration", heldOut, EvaluatedCase::afterS));
        write(new ScatterChartSpec("Held-out operators: predicted vs measured", new Axis("measured latency", "ms"),
                new Axis("predicted latency", "ms"), series, true, BAND_PERCENT), dir, OPERATORS);
    }

    /** Dynamic blocks: predictor before / after calibration and the roofline, as SVG and PNG. */
    public static void writeBlocks(List<EvaluatedCase> blocks, Path dir) throws IOException {
        List<Series> series = List.of(series("predictor, before calibration", blocks, EvaluatedCase::beforeS),
                series("predictor, calibrated", blocks, EvaluatedCase::afterS),
                series("roofline", blocks, EvaluatedCase::rooflineS));
        write(new ScatterChartSpec("Dynamic blocks: predicted vs measured", new Axis("measured latency", "ms"),
                new Axis("predicted latency", "ms"), series, true, BAND_PERCENT), dir, BLOCKS);
    }

    private static void write(ScatterChartSpec spec, Path dir, String base) throws IOException {
        ChartFiles.write(spec, dir.resolve(base + ".svg"));
        ChartFiles.write(spec, dir.resolve(base + ".png"));
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
