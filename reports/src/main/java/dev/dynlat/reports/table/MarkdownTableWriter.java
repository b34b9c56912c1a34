package dev.dynlat.reports.table;

import java.util.ArrayList;
import java.util.List;

/**
 * GitHub-flavoured Markdown pipe table. Numeric columns are right-aligned ({@code ---:}), text
 * columns left-aligned ({@code :---}); cells are padded so the source reads as a grid too.
 * Decimals are rounded with each column's {@link Precision}. A {@code |} in a cell is escaped
 * as {@code \|}, a backslash as {@code \\}, and line breaks become {@code <br>}.
 */
public final class MarkdownTableWriter implements TableWriter {

    @Override
    public String render(Table table) {
        int columnCount = table.columnCount();
        List<String[]> lines = new ArrayList<>();
        String[] header = new String[columnCount];
        for (int c = 0; c < columnCount; c++) {
            header[c] = escape(table.columns().get(c).header());
        }
        lines.add(header);
        for (int r = 0; r < table.rowCount(); r++) {
            String[] cells = new String[columnCount];
            for (int c = 0; c < columnCount; c++) {
                cells[c] = escape(table.displayText(r, c));
            }
            lines.add(cells);
        }
        int[] widths = new int[columnCount];
        for (String[] line : lines) {
            for (int c = 0; c < columnCount; c++) {
                widths[c] = Math.max(widths[c], width(line[c]));
            }
        }
        for (int c = 0; c < columnCount; c++) {
            widths[c] = Math.max(widths[c], 4); // room for the ":---" alignment marker
        }

        StringBuilder out = new StringBuilder();
        appendLine(out, header, widths, table, false);
        out.append('|');
        for (int c = 0; c < columnCount; c++) {
            boolean right = table.columns().get(c).kind().isNumeric();
            out.append(' ')
                    .append(right ? "-".repeat(widths[c] - 1) + ":" : ":" + "-".repeat(widths[c] - 1))
                    .append(" |");
        }
        out.append('\n');
        for (int i = 1; i < lines.size(); i++) {
            appendLine(out, lines.get(i), widths, table, true);
        }
        return out.toString();
    }

    private static void appendLine(StringBuilder out, String[] cells, int[] widths, Table table,
                                   boolean alignNumbers) {
        out.append('|');
        for (int c = 0; c < cells.length; c++) {
            String padding = " ".repeat(widths[c] - width(cells[c]));
            boolean right = alignNumbers && table.columns().get(c).kind().isNumeric();
            out.append(' ');
            out.append(right ? padding + cells[c] : cells[c] + padding);
            out.append(" |");
        }
        out.append('\n');
    }

    private static int width(String text) {
        return text.codePointCount(0, text.length());
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\")
                .replace("|", "\\|")
                .replace("\r\n", "<br>")
                .replace("\n", "<br>")
                .replace("\r", "<br>");
    }
}
