package dev.dynlat.reports.chart;

import dev.dynlat.reports.table.Column;
import dev.dynlat.reports.table.Table;
import java.util.List;

/** One spec of each chart kind, built the way the product builds them. */
final class SampleCharts {

    private SampleCharts() {
    }

    static LineChartSpec line() {
        Table.Builder builder = Table.builder()
                .column(Column.text("granularity"))
                .column(Column.decimal("activation rate", ""))
                .column(Column.decimal("latency", "ms"));
        String[] granularities = {"channel", "spatial", "layer"};
        for (int g = 0; g < granularities.length; g++) {
            for (int i = 0; i <= 4; i++) {
                double rate = i * 0.25;
                builder.row(granularities[g], rate, 2.0 + rate * (3.0 + g) + 0.1 * g);
            }
        }
        return LineChartSpec.groupedBy("Latency vs activation rate", builder.build(),
                        "granularity", "activation rate", "latency")
                .withReferenceLine(new ReferenceLine(5.5, "static"));
    }

    static ScatterChartSpec scatter() {
        Series gpu = Series.of("GPU", new double[] {0.5, 1.2, 3.4, 10.0, 42.0},
                new double[] {0.55, 1.1, 3.6, 9.1, 45.0});
        Series cpu = Series.of("CPU", new double[] {2.0, 8.0, 30.0, 120.0},
                new double[] {2.3, 7.5, 33.0, 110.0});
        return ScatterChartSpec.of("Predicted vs measured", new Axis("measured latency", "ms"),
                        new Axis("predicted latency", "ms"), List.of(gpu, cpu))
                .withLogLog(true)
                .withBandPercent(10);
    }

    static StackedBarChartSpec stackedBars() {
        Table breakdown = Table.builder()
                .column(Column.text("stage"))
                .column(Column.decimal("masker", "ms"))
                .column(Column.decimal("gather", "ms"))
                .column(Column.decimal("conv", "ms"))
                .column(Column.decimal("scatter", "ms"))
                .row("stage1", 0.1, 0.3, 1.2, 0.25)
                .row("stage2", 0.08, 0.2, 0.9, 0.2)
                .row("stage3", 0.05, 0.15, 0.7, 0.12)
                .build();
        return StackedBarChartSpec.fromColumns("Latency breakdown", breakdown, "stage",
                List.of("masker", "gather", "conv", "scatter"), "latency");
    }

    static HeatmapChartSpec heatmap() {
        double[][] speedup = {{1.8, 1.5, 1.2, 0.95}, {1.9, 1.6, 1.1, Double.NaN}, {1.7, 1.3, 0.9, Double.NaN}};
        return new HeatmapChartSpec("Speedup per stage", Axis.of("stage"), Axis.of("granularity S"),
                new Axis("speedup over static", "x"), List.of("stage1", "stage2", "stage3", "stage4"),
                List.of("1", "2", "4"), speedup, 1.0);
    }

    static HistogramChartSpec histogram() {
        double[] spatial = new double[200];
        double[] channel = new double[200];
        for (int i = 0; i < 200; i++) {
            spatial[i] = 1.0 + 0.5 * Math.sin(i * 0.37) + i * 0.004;
            channel[i] = 1.3 + 0.4 * Math.cos(i * 0.23) + i * 0.002;
        }
        return new HistogramChartSpec("Latency distribution", new Axis("latency per image", "ms"),
                List.of(HistogramChartSpec.sample("spatial", spatial), HistogramChartSpec.sample("channel", channel)),
                20, List.of(new ReferenceLine(2.4, "static")), "paradigm");
    }
}
