package dev.dynlat.predictor.sweep;

import dev.dynlat.operators.input.TextLines;
import java.util.List;

/**
 * The cells of a spec sweep's results, row by row, whichever format {@code sweep} wrote them in:
 * CSV (a header line, then rows) or JSON Lines (the {@code dynlat_sweep} identity line, then one
 * object per row). The format is told by the content, not the file name.
 */
interface ResultCells {
    /** Column names, in order. */
    List<String> header();

    /** The next row's cells in header order ("" for an empty cell), or null at the end. */
    String[] next();

    /** The 1-based line number of the row {@link #next} returned last. */
    int line();

    static ResultCells open(TextLines in, String source) {
        String first;
        int number = 0;
        do {
            first = in.next();
            number++;
            // '#' lines: the fingerprint line of CSVs written before the sidecar.
        } while (first != null && (first.startsWith("#") || first.isBlank()));
        if (first != null && first.stripLeading().startsWith("{")) {
            return new JsonlResultCells(in, source, first, number);
        }
        return new CsvResultCells(in, source, first, number);
    }
}
