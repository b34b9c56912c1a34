package dev.dynlat.reports.table;

/**
 * A LaTeX {@code tabular} in booktabs style ({@code \toprule}, {@code \midrule},
 * {@code \bottomrule}; needs the booktabs package). Text columns are {@code l},
 * numeric columns {@code r}. Decimals are rounded with each column's {@link Precision}.
 * The special characters {@code & % $ # _ { } ~ ^ \} (and {@code | < >}, which the
 * default font encoding would misprint) are escaped so that any cell text typesets literally;
 * line breaks in cells become spaces. Only the {@code tabular} is written,
 * so the caller's {@code table} float keeps control of caption and label.
 */
public final class LatexTableWriter implements TableWriter {

    @Override
    public String render(Table table) {
        StringBuilder out = new StringBuilder("\\begin{tabular}{");
        for (Column column : table.columns()) {
            out.append(column.kind().isNumeric() ? 'r' : 'l');
        }
        out.append("}\n\\toprule\n");
        for (int c = 0; c < table.columnCount(); c++) {
            appendCell(out, c, table.columns().get(c).header());
        }
        out.append(" \\\\\n\\midrule\n");
        for (int r = 0; r < table.rowCount(); r++) {
            for (int c = 0; c < table.columnCount(); c++) {
                appendCell(out, c, table.displayText(r, c));
            }
            out.append(" \\\\\n");
        }
        out.append("\\bottomrule\n\\end{tabular}\n");
        return out.toString();
    }

    private static void appendCell(StringBuilder out, int column, String text) {
        if (column > 0) {
            out.append(" & ");
        }
        out.append(escape(text));
    }

    /** Escapes {@code text} so that it typesets literally in LaTeX text mode. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&', '%', '$', '#', '_', '{', '}' -> out.append('\\').append(ch);
                case '~' -> out.append("\\textasciitilde{}");
                case '^' -> out.append("\\textasciicircum{}");
                case '\\' -> out.append("\\textbackslash{}");
                // In the default OT1 font encoding these print as other glyphs (an em dash, ¡, ¿).
                case '|' -> out.append("\\textbar{}");
                case '<' -> out.append("\\textless{}");
                case '>' -> out.append("\\textgreater{}");
                case '\r', '\n' -> {
                    if (ch == '\n' && i > 0 && text.charAt(i - 1) == '\r') {
                        continue; // CRLF is one break
                    }
                    out.append(' ');
                }
                // After "\\" LaTeX looks ahead for an optional "[length]"; a cell starting
                // with "[" would be swallowed as one, so it is put in braces.
                case '[' -> out.append(i == 0 ? "{[}" : "[");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
