package dev.dynlat.reports.table;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The supported table file formats, chosen by file extension (case-insensitive). */
public enum TableFormat {
    /** RFC 4180 CSV, full precision ({@code .csv}). */
    CSV(".csv"),
    /** GitHub Markdown pipe table, display precision ({@code .md}). */
    MARKDOWN(".md"),
    /** LaTeX booktabs tabular, display precision ({@code .tex}). */
    LATEX(".tex");

    private final String extension;

    TableFormat(String extension) {
        this.extension = extension;
    }

    /** The file extension including the dot, e.g. {@code .csv}. */
    public String extension() {
        return extension;
    }

    /** A new writer for this format. */
    public TableWriter writer() {
        return switch (this) {
            case CSV -> new CsvTableWriter();
            case MARKDOWN -> new MarkdownTableWriter();
            case LATEX -> new LatexTableWriter();
        };
    }

    /**
     * The format for a file name such as {@code results.tex}.
     *
     * @throws IllegalArgumentException naming the file and the supported extensions if the
     *                                  extension is unknown
     */
    public static TableFormat fromFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (TableFormat format : values()) {
            if (lower.endsWith(format.extension)) {
                return format;
            }
        }
        throw new IllegalArgumentException("Unknown table format for file '" + fileName
                + "'; supported extensions are " + Arrays.stream(values())
                .map(TableFormat::extension).collect(Collectors.joining(", ")));
    }

    /** The format for the file name of {@code path}; see {@link #fromFileName(String)}. */
    public static TableFormat fromPath(Path path) {
        Path name = path.getFileName();
        return fromFileName(name == null ? path.toString() : name.toString());
    }
}
