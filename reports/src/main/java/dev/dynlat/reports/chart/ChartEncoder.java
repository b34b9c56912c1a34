package dev.dynlat.reports.chart;

import java.io.IOException;
import java.io.OutputStream;
import org.jfree.chart.JFreeChart;

/** Draws a chart into one file format. */
interface ChartEncoder {

    /** Renders {@code chart} at {@code size} and writes the complete file to {@code out}. */
    void encode(JFreeChart chart, ChartSize size, OutputStream out) throws IOException;

    static ChartEncoder of(ChartFormat format) {
        return switch (format) {
            case PNG -> new PngChartEncoder();
            case SVG -> new SvgChartEncoder();
            case PDF -> new PdfChartEncoder();
        };
    }
}
