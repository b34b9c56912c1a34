/**
 * Paper-style charts: plain spec records ({@link dev.dynlat.reports.chart.LineChartSpec},
 * {@link dev.dynlat.reports.chart.ScatterChartSpec},
 * {@link dev.dynlat.reports.chart.StackedBarChartSpec}) say what to draw;
 * {@link dev.dynlat.reports.chart.PaperCharts} turns them into JFreeChart objects and
 * {@link dev.dynlat.reports.chart.ChartFiles} writes PNG, SVG or PDF by file extension.
 */
package dev.dynlat.reports.chart;
