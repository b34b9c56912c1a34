package dev.dynlat.reports.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A LaTeX table to put into a paper as it is: {@code \small} type, booktabs rules, numbers
 * aligned on the decimal point by siunitx {@code S} columns (their format measured from the
 * data), units on a second header line so headers stay narrow, and speedups (unit {@code x})
 * printed as {@code 2.67$\times$} in a right-aligned column of fixed decimals. Set for one
 * column or the full text width ({@link PageWidth}). Needs the booktabs and siunitx packages.
 * Only the tabular is written, in a group, so the caller's float keeps caption and label.
 */
public final class PaperLatexTableWriter implements TableWriter {
    /** The unit that marks a ratio printed with a times sign. */
    public static final String TIMES_UNIT = "x";

    private final PageWidth width;

    /** A writer for tables of the given width. */
    public PaperLatexTableWriter(PageWidth width) {
        this.width = Objects.requireNonNull(width, "width");
    }

    @Override
    public String render(Table table) {
        StringBuilder out = new StringBuilder();
        out.append("% needs \\usepackage{booktabs,siunitx}\n");
        out.append("{\\small\\setlength{\\tabcolsep}{").append(width.columnGap()).append("}\n");
        List<String> specs = new ArrayList<>();
        for (int c = 0; c < table.columnCount(); c++) {
            specs.add(columnSpec(table, c));
        }
        out.append(width.open(String.join(" ", specs)));
        out.append("\\toprule\n");
        List<String> names = new ArrayList<>();
        List<String> units = new ArrayList<>();
        boolean anyUnit = false;
        for (int c = 0; c < table.columnCount(); c++) {
            Column column = table.columns().get(c);
            names.add(header(table, c, LatexTableWriter.escape(column.name())));
            boolean shown = !column.unit().isEmpty() && !isTimes(column);
            anyUnit |= shown;
            units.add(header(table, c, shown ? "[" + LatexTableWriter.escape(column.unit()) + "]" : ""));
        }
        out.append(String.join(" & ", names)).append(" \\\\\n");
        if (anyUnit) {
            out.append(String.join(" & ", units)).append(" \\\\\n");
        }
        out.append("\\midrule\n");
        for (int r = 0; r < table.rowCount(); r++) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < table.columnCount(); c++) {
                cells.add(cell(table, r, c));
            }
            out.append(String.join(" & ", cells)).append(" \\\\\n");
        }
        out.append("\\bottomrule\n").append(width.close()).append("}\n");
        return out.toString();
    }

    private static boolean isTimes(Column column) {
        return column.kind().isNumeric() && column.unit().equals(TIMES_UNIT);
    }

    private static boolean isAligned(Column column) {
        return column.kind().isNumeric() && !isTimes(column);
    }

    /** Headers of S columns are braced, so siunitx takes them as text, not as numbers. */
    private static String header(Table table, int c, String text) {
        Column column = table.columns().get(c);
        if (isAligned(column)) {
            return "{" + text + "}";
        }
        // A right-aligned times column centres its header over the numbers.
        return isTimes(column) ? "\\multicolumn{1}{c}{" + text + "}" : text;
    }

    private static String cell(Table table, int r, int c) {
        Column column = table.columns().get(c);
        if (table.cell(r, c) == null) {
            return isAligned(column) ? "{--}" : "--";
        }
        String text = table.displayText(r, c);
        if (isTimes(column)) {
            return text + "$\\times$";
        }
        return column.kind().isNumeric() ? text : LatexTableWriter.escape(text);
    }

    /** {@code l} for text, {@code r} for times, {@code S[table-format=I.D]} measured from the data. */
    static String columnSpec(Table table, int c) {
        Column column = table.columns().get(c);
        if (!column.kind().isNumeric()) {
            return "l";
        }
        if (isTimes(column)) {
            return "r";
        }
        int integer = 1;
        int decimals = 0;
        boolean negative = false;
        for (int r = 0; r < table.rowCount(); r++) {
            if (table.cell(r, c) == null) {
                continue;
            }
            String text = table.displayText(r, c);
            if (text.startsWith("-")) {
                negative = true;
                text = text.substring(1);
            }
            int dot = text.indexOf('.');
            integer = Math.max(integer, dot < 0 ? text.length() : dot);
            decimals = Math.max(decimals, dot < 0 ? 0 : text.length() - dot - 1);
        }
        return "S[table-format=" + (negative ? "-" : "") + integer + "." + decimals + "]";
    }
}
