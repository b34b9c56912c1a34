package dev.dynlat.reports.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An immutable table of typed cells: ordered {@link Column}s and rows of cells.
 *
 * <p>Cells are stored as {@link String} (TEXT), {@link Long} (INTEGER) or {@link Double}
 * (DECIMAL). A {@code null} cell means "no value" and is written as an empty cell in every
 * format. Decimal cells are finite: NaN and infinities are rejected when the row is added,
 * because a paper table has no good way to show them.
 *
 * <pre>{@code
 * Table table = Table.builder()
 *         .column(Column.text("model"))
 *         .column(Column.integer("batch", ""))
 *         .column(Column.decimal("latency", "ms"))
 *         .row("resnet50", 8, 12.375)
 *         .build();
 * }</pre>
 */
public final class Table {

    private final List<Column> columns;
    private final List<List<Object>> rows;

    private Table(List<Column> columns, List<List<Object>> rows) {
        this.columns = List.copyOf(columns);
        this.rows = Collections.unmodifiableList(new ArrayList<>(rows));
    }

    /** Starts an empty table. */
    public static Builder builder() {
        return new Builder();
    }

    /** The columns, in order. */
    public List<Column> columns() {
        return columns;
    }

    /** The number of columns. */
    public int columnCount() {
        return columns.size();
    }

    /** The number of rows (the header is not a row). */
    public int rowCount() {
        return rows.size();
    }

    /** The cells of one row; an unmodifiable list that may contain {@code null}. */
    public List<Object> row(int row) {
        return rows.get(row);
    }

    /** One cell: a {@code String}, {@code Long}, {@code Double} or {@code null}. */
    public Object cell(int row, int column) {
        return rows.get(row).get(column);
    }

    /**
     * The position of the column called {@code name}.
     *
     * @throws IllegalArgumentException naming the missing column and the known ones
     */
    public int columnIndex(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("No column '" + name + "'; columns are "
                + columns.stream().map(Column::name).collect(Collectors.joining(", ", "[", "]")));
    }

    /** The column called {@code name}. */
    public Column column(String name) {
        return columns.get(columnIndex(name));
    }

    /**
     * The values of a numeric column, in row order, for charts.
     *
     * @throws IllegalArgumentException if the column is TEXT or has an empty cell
     */
    public double[] numbers(String columnName) {
        int index = columnIndex(columnName);
        if (!columns.get(index).kind().isNumeric()) {
            throw new IllegalArgumentException("Column '" + columnName + "' is TEXT, not numeric");
        }
        double[] values = new double[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            Object cell = rows.get(r).get(index);
            if (cell == null) {
                throw new IllegalArgumentException("Column '" + columnName + "' has no value in row " + r);
            }
            values[r] = ((Number) cell).doubleValue();
        }
        return values;
    }

    /** The cells of any column as exact text (as in CSV), in row order; empty cells give "". */
    public List<String> texts(String columnName) {
        int index = columnIndex(columnName);
        List<String> values = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            values.add(exactText(r, index));
        }
        return Collections.unmodifiableList(values);
    }

    /**
     * A cell as machine-readable text: decimals at full precision (shortest text that parses
     * back to the same double), never locale-dependent; "" for an empty cell.
     */
    public String exactText(int row, int column) {
        Object cell = cell(row, column);
        if (cell == null) {
            return "";
        }
        if (cell instanceof Double d) {
            return ExactNumbers.format(d);
        }
        if (cell instanceof Long l) {
            return ExactNumbers.format(l);
        }
        return (String) cell;
    }

    /**
     * A cell as display text: decimals rounded with the column's {@link Precision}; "" for an
     * empty cell.
     */
    public String displayText(int row, int column) {
        Object cell = cell(row, column);
        if (cell instanceof Double d) {
            return columns.get(column).precision().format(d);
        }
        return exactText(row, column);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Table that && columns.equals(that.columns) && rows.equals(that.rows);
    }

    @Override
    public int hashCode() {
        return Objects.hash(columns, rows);
    }

    @Override
    public String toString() {
        return "Table" + columns.stream().map(Column::header).toList() + " with " + rows.size() + " rows";
    }

    /** Collects columns, then rows, checking every cell against its column. Not thread-safe. */
    public static final class Builder {

        private final List<Column> columns = new ArrayList<>();
        private final Set<String> names = new HashSet<>();
        private final List<List<Object>> rows = new ArrayList<>();

        private Builder() {
        }

        /**
         * Appends a column; all columns must be added before the first row.
         *
         * @throws IllegalArgumentException if the name is taken or rows were already added
         */
        public Builder column(Column column) {
            Objects.requireNonNull(column, "column");
            if (!rows.isEmpty()) {
                throw new IllegalArgumentException("Column '" + column.name()
                        + "' added after rows; add all columns first");
            }
            if (!names.add(column.name())) {
                throw new IllegalArgumentException("Duplicate column name '" + column.name() + "'");
            }
            columns.add(column);
            return this;
        }

        /** Appends several columns in order. */
        public Builder columns(Column... columns) {
            for (Column column : columns) {
                column(column);
            }
            return this;
        }

        /**
         * Appends a row.
         *
         * @param cells one cell per column, in column order; {@code null} for "no value"
         * @throws IllegalArgumentException if the row length differs from the column count, or
         *                                  a cell does not fit its column (the message names the
         *                                  row, the column and the value)
         */
        public Builder row(Object... cells) {
            Objects.requireNonNull(cells, "cells");
            return row(Arrays.asList(cells));
        }

        /** Appends a row given as a list; see {@link #row(Object...)}. */
        public Builder row(List<?> cells) {
            Objects.requireNonNull(cells, "cells");
            int rowIndex = rows.size();
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("Row " + rowIndex + " added before any column");
            }
            if (cells.size() != columns.size()) {
                throw new IllegalArgumentException("Row " + rowIndex + " has " + cells.size()
                        + " cells but the table has " + columns.size() + " columns "
                        + columns.stream().map(Column::name).toList() + ": " + cells);
            }
            List<Object> normalized = new ArrayList<>(cells.size());
            for (int c = 0; c < cells.size(); c++) {
                normalized.add(normalize(rowIndex, columns.get(c), cells.get(c)));
            }
            rows.add(Collections.unmodifiableList(normalized));
            return this;
        }

        /** Builds the table; the builder may be reused to build larger tables afterwards. */
        public Table build() {
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("A table needs at least one column");
            }
            return new Table(columns, rows);
        }

        private static Object normalize(int row, Column column, Object value) {
            if (value == null) {
                return null;
            }
            switch (column.kind()) {
                case TEXT:
                    if (value instanceof String s) {
                        return s;
                    }
                    break;
                case INTEGER:
                    if (value instanceof Long || value instanceof Integer
                            || value instanceof Short || value instanceof Byte) {
                        return ((Number) value).longValue();
                    }
                    break;
                case DECIMAL:
                    if (value instanceof Number n) {
                        double d = n.doubleValue();
                        if (!Double.isFinite(d)) {
                            throw new IllegalArgumentException("Row " + row + ", column '" + column.name()
                                    + "': value " + value + " is not finite");
                        }
                        return d == 0.0 ? 0.0 : d; // -0.0 and 0.0 print alike; store one of them
                    }
                    break;
                default:
                    throw new AssertionError(column.kind());
            }
            throw new IllegalArgumentException("Row " + row + ", column '" + column.name() + "' ("
                    + column.kind() + "): value " + value + " of type "
                    + value.getClass().getSimpleName() + " does not fit");
        }
    }
}
