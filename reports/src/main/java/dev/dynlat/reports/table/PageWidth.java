package dev.dynlat.reports.table;

/**
 * How wide a paper table is set: one column of a two-column page, or the full text width.
 * Kept as data: the environment that opens and closes the tabular.
 */
public enum PageWidth {
    /** Natural width, small type and tight column gaps, to fit one column (about 3.3 in). */
    COLUMN("\\begin{tabular}{", "}\n", "\\end{tabular}\n", "4pt"),
    /** Stretched to {@code \textwidth}, the gaps taking up the slack (a {@code table*} float). */
    FULL("\\begin{tabular*}{\\textwidth}{@{\\extracolsep{\\fill}}", "}\n", "\\end{tabular*}\n", "6pt");

    private final String open;
    private final String openEnd;
    private final String close;
    private final String columnGap;

    PageWidth(String open, String openEnd, String close, String columnGap) {
        this.open = open;
        this.openEnd = openEnd;
        this.close = close;
        this.columnGap = columnGap;
    }

    String open(String columnSpec) {
        return open + columnSpec + openEnd;
    }

    String close() {
        return close;
    }

    /** Half the space between two columns ({@code \tabcolsep}). */
    String columnGap() {
        return columnGap;
    }
}
