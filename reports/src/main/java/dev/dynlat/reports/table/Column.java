package dev.dynlat.reports.table;

/**
 * One column of a {@link Table}: a name, a unit and a cell kind.
 *
 * <p>The unit is free text such as {@code ms}, {@code GB/s} or {@code %}; it is empty for
 * dimensionless columns. Headers show it as {@code name [unit]} (see {@link #header()}).
 *
 * @param name      the column name, not blank, unique within a table
 * @param unit      the unit of the values, empty if none
 * @param kind      the type of the cells
 * @param precision display rounding of {@link ColumnKind#DECIMAL} cells; ignored otherwise
 */
public record Column(String name, String unit, ColumnKind kind, Precision precision) {

    /** Validates the fields; a null unit becomes empty, a null precision the default. */
    public Column {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Column name must not be blank, got '" + name + "'");
        }
        if (kind == null) {
            throw new IllegalArgumentException("Column '" + name + "' needs a kind");
        }
        unit = unit == null ? "" : unit.strip();
        precision = precision == null ? Precision.DEFAULT : precision;
    }

    /** A text column (no unit). */
    public static Column text(String name) {
        return new Column(name, "", ColumnKind.TEXT, null);
    }

    /** An integer column, for example {@code integer("batch", "")}. */
    public static Column integer(String name, String unit) {
        return new Column(name, unit, ColumnKind.INTEGER, null);
    }

    /** A decimal column displayed with {@link Precision#DEFAULT} (4 significant digits). */
    public static Column decimal(String name, String unit) {
        return new Column(name, unit, ColumnKind.DECIMAL, null);
    }

    /** A decimal column displayed with the given precision. */
    public static Column decimal(String name, String unit, Precision precision) {
        return new Column(name, unit, ColumnKind.DECIMAL, precision);
    }

    /** The header text: {@code name} if the unit is empty, otherwise {@code name [unit]}. */
    public String header() {
        return unit.isEmpty() ? name : name + " [" + unit + "]";
    }
}
