package dev.dynlat.reports.chart;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The supported chart file formats, chosen by file extension (case-insensitive). */
public enum ChartFormat {
    /** Raster image ({@code .png}); size in pixels. */
    PNG(".png"),
    /** Vector image with real text ({@code .svg}), via JFreeSVG; size in points. */
    SVG(".svg"),
    /** Single-page vector PDF ({@code .pdf}), via PDFBox; size in points. */
    PDF(".pdf");

    private final String extension;

    ChartFormat(String extension) {
        this.extension = extension;
    }

    /** The file extension including the dot, e.g. {@code .pdf}. */
    public String extension() {
        return extension;
    }

    /**
     * The format for a file name such as {@code latency.pdf}.
     *
     * @throws IllegalArgumentException naming the file and the supported extensions if the
     *                                  extension is unknown
     */
    public static ChartFormat fromFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (ChartFormat format : values()) {
            if (lower.endsWith(format.extension)) {
                return format;
            }
        }
        throw new IllegalArgumentException("Unknown chart format for file '" + fileName
                + "'; supported extensions are " + Arrays.stream(values())
                .map(ChartFormat::extension).collect(Collectors.joining(", ")));
    }

    /** The format for the file name of {@code path}; see {@link #fromFileName(String)}. */
    public static ChartFormat fromPath(Path path) {
        Path name = path.getFileName();
        return fromFileName(name == null ? path.toString() : name.toString());
    }
}
