package dev.dynlat.reports.chart;

/** What a chart shows, independent of how it is drawn; rendered by {@link PaperCharts}. */
public sealed interface ChartSpec permits LineChartSpec, ScatterChartSpec, StackedBarChartSpec, HeatmapChartSpec,
        HistogramChartSpec, StepChartSpec, PanelChartSpec, RatioChartSpec {

    /** The chart title; empty for none (papers usually put it in the caption). */
    String title();
}
