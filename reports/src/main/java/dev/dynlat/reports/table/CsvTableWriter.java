package dev.dynlat.reports.table;

/**
 * RFC 4180 CSV: comma-separated, CRLF line ends, a header row of {@link Column#header()}s.
 * A field is quoted when it contains a comma, a double quote, CR or LF, or starts or ends with
 * a space; quotes inside are doubled. Numbers are written at full precision (see
 * {@link Table#exactText(int, int)}), so the CSV is the lossless, machine-readable form.
 */
public final class CsvTableWriter implements TableWriter {

    private static final String LINE_END = "\r\n";

    @Override
    public String render(Table table) {
        StringBuilder out = new StringBuilder();
        for (int c = 0; c < table.columnCount(); c++) {
            appendField(out, c, table.columns().get(c).header());
        }
        out.append(LINE_END);
        for (int r = 0; r < table.rowCount(); r++) {
            for (int c = 0; c < table.columnCount(); c++) {
                appendField(out, c, table.exactText(r, c));
            }
            out.append(LINE_END);
        }
        return out.toString();
    }

    private static void appendField(StringBuilder out, int column, String field) {
        if (column > 0) {
            out.append(',');
        }
        if (needsQuotes(field)) {
            out.append('"').append(field.replace("\"", "\"\"")).append('"');
        } else {
            out.append(field);
        }
    }

    private static boolean needsQuotes(String field) {
        if (field.isEmpty()) {
            return false;
        }
        // Leading/trailing spaces are quoted because many readers trim unquoted fields.
        return field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                || field.indexOf('\r') >= 0 || field.charAt(0) == ' '
                || field.charAt(field.length() - 1) == ' ';
    }
}
