package dev.dynlat.reports.table;

/** The type of the cells of a {@link Column}. */
public enum ColumnKind {
    /** Free text ({@link String} cells); left-aligned. */
    TEXT,
    /** Whole numbers ({@code Byte}, {@code Short}, {@code Integer} or {@code Long} cells, stored as {@code Long}); right-aligned. */
    INTEGER,
    /** Finite real numbers (any {@link Number} cell, stored as {@code Double}); right-aligned. */
    DECIMAL;

    /** Whether cells of this kind are numbers (and are therefore right-aligned). */
    public boolean isNumeric() {
        return this != TEXT;
    }
}
