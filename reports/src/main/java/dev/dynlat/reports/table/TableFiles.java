package dev.dynlat.reports.table;

import java.io.IOException;
import java.nio.file.Path;

/** Writes tables to files whose format follows from the extension. */
public final class TableFiles {

    private TableFiles() {
    }

    /**
     * Writes {@code table} to {@code target} atomically, as CSV, Markdown or LaTeX depending on
     * the extension ({@code .csv}, {@code .md}, {@code .tex}); parent directories are created.
     *
     * @throws IllegalArgumentException if the extension is not one of those
     * @throws IOException              with a one-line message naming {@code target}
     */
    public static void write(Table table, Path target) throws IOException {
        TableFormat.fromPath(target).writer().write(table, target);
    }
}
