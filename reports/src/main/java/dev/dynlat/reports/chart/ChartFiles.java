package dev.dynlat.reports.chart;

import dev.dynlat.reports.io.OutputBody;
import dev.dynlat.reports.io.OutputSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.jfree.chart.JFreeChart;

/**
 * Writes charts to PNG, SVG or PDF files, the format following from the extension
 * ({@code .png}, {@code .svg}, {@code .pdf}, case-insensitive). Files are written through
 * {@link OutputSet} (atomically; parent directories are created). The same spec and size give byte-identical SVG and PDF
 * files (PNG too, as the PNG encoder stores no timestamp).
 */
public final class ChartFiles {

    private ChartFiles() {
    }

    /** Writes {@code spec} at {@link ChartSize#DEFAULT}; see {@link #write(ChartSpec, Path, ChartSize)}. */
    public static void write(ChartSpec spec, Path target) throws IOException {
        write(spec, target, ChartSize.DEFAULT);
    }

    /**
     * Renders {@code spec} in paper style and writes it to {@code target}.
     *
     * @param size pixels for PNG, points for SVG and PDF
     * @throws IllegalArgumentException if the extension is not {@code .png}, {@code .svg} or {@code .pdf}
     * @throws IOException              with a one-line message naming {@code target}
     */
    public static void write(ChartSpec spec, Path target, ChartSize size) throws IOException {
        write(spec, target, FigureStyle.DEFAULT.withSize(size));
    }

    /** Renders {@code spec} in {@code style} (size, typeface, title) and writes it to {@code target}. */
    public static void write(ChartSpec spec, Path target, FigureStyle style) throws IOException {
        Objects.requireNonNull(spec, "spec");
        write(PaperCharts.create(spec, style), target, style.size());
    }

    /** Writes an already built (possibly customised) chart; see {@link #write(ChartSpec, Path, ChartSize)}. */
    public static void write(JFreeChart chart, Path target, ChartSize size) throws IOException {
        Objects.requireNonNull(chart, "chart");
        Objects.requireNonNull(size, "size");
        OutputSet.write("chart", target, body(chart, target, size));
    }

    /**
     * The content of a chart file, for callers that write several outputs together
     * ({@link OutputSet#prepare}); the format follows from {@code target}'s extension.
     */
    public static OutputBody body(ChartSpec spec, Path target, ChartSize size) {
        return body(spec, target, FigureStyle.DEFAULT.withSize(size));
    }

    /** The content of a chart file in {@code style}; see {@link #body(ChartSpec, Path, ChartSize)}. */
    public static OutputBody body(ChartSpec spec, Path target, FigureStyle style) {
        Objects.requireNonNull(spec, "spec");
        return body(PaperCharts.create(spec, style), target, style.size());
    }

    private static OutputBody body(JFreeChart chart, Path target, ChartSize size) {
        Objects.requireNonNull(chart, "chart");
        Objects.requireNonNull(size, "size");
        ChartEncoder encoder = ChartEncoder.of(ChartFormat.fromPath(target));
        return out -> encoder.encode(chart, size, out);
    }
}
