package dev.dynlat.calibration.measured;

import dev.dynlat.operators.input.DecimalText;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One data row of a CSV file with a header, read by column name. Typed getters report a bad cell as
 * {@code file:line column 'NAME': message 'value'}, so a reader never builds its own messages.
 *
 * @param file   the file, for messages
 * @param line   1-based line the row starts on
 * @param header column names in file order
 * @param fields the row's cells, as many as the header has columns
 */
public record CsvRow(Path file, long line, List<String> header, List<String> fields) {
    public CsvRow {
        Objects.requireNonNull(file, "file");
        if (fields.size() != header.size()) {
            throw new MeasurementInputException(file + ":" + line + ": " + fields.size()
                    + " fields, but the header has " + header.size() + " columns");
        }
    }

    /** The cell of column {@code name}; the column must exist (readers check the header first). */
    public String text(String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new MeasurementInputException(where(name) + ": no such column in the header");
        }
        return fields.get(i).strip();
    }

    /** A positive integer cell. */
    public int positiveInt(String name) {
        return intAtLeast(name, 1, "a positive integer");
    }

    /** A non-negative integer cell. */
    public int nonNegativeInt(String name) {
        return intAtLeast(name, 0, "a non-negative integer");
    }

    private int intAtLeast(String name, int least, String expected) {
        String t = text(name);
        if (DecimalText.isInteger(t)) {
            long v = DecimalText.parseLong(t);
            if (v >= least && v <= Integer.MAX_VALUE) {
                return (int) v;
            }
        }
        throw new MeasurementInputException(where(name) + ": expected " + expected + ", got '" + t + "'");
    }

    /** A finite, positive number. */
    public double positiveNumber(String name) {
        String t = text(name);
        if (DecimalText.isDecimal(t)) {
            double v = DecimalText.parse(t);
            if (v > 0 && Double.isFinite(v)) {
                return v;
            }
        }
        throw new MeasurementInputException(where(name) + ": expected a positive number, got '" + t + "'");
    }

    /** Every cell by column name, in file order (the columns carried through to outputs). */
    public Map<String, String> columns() {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            m.put(header.get(i), fields.get(i));
        }
        return m;
    }

    /** {@code file:line column 'NAME'}, the prefix of a message about one cell. */
    public String where(String column) {
        return file + ":" + line + " column '" + column + "'";
    }

    /** {@code file:line}, the prefix of a message about the whole row. */
    public String where() {
        return file + ":" + line;
    }
}
