package dev.dynlat.reports.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableValidationTest {

    private static Table.Builder twoColumns() {
        return Table.builder().column(Column.text("model")).column(Column.decimal("latency", "ms"));
    }

    @Test
    void rowOfWrongLengthIsRejectedWithColumnNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> twoColumns().row("resnet", 1.0, 2.0));
        assertTrue(e.getMessage().contains("3 cells"), e.getMessage());
        assertTrue(e.getMessage().contains("[model, latency]"), e.getMessage());
    }

    @Test
    void nanCellIsRejectedNamingColumnAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> twoColumns().row("resnet", Double.NaN));
        assertTrue(e.getMessage().contains("'latency'"), e.getMessage());
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    }

    @Test
    void infiniteCellIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> twoColumns().row("resnet", Double.POSITIVE_INFINITY));
        assertTrue(e.getMessage().contains("Infinity"), e.getMessage());
    }

    @Test
    void cellOfWrongTypeIsRejectedNamingColumnValueAndType() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Table.builder().column(Column.integer("batch", "")).row(2.5));
        assertTrue(e.getMessage().contains("'batch'"), e.getMessage());
        assertTrue(e.getMessage().contains("2.5"), e.getMessage());
        assertTrue(e.getMessage().contains("Double"), e.getMessage());
    }

    @Test
    void duplicateColumnNameIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Table.builder().column(Column.text("a")).column(Column.integer("a", "")));
        assertTrue(e.getMessage().contains("'a'"), e.getMessage());
    }

    @Test
    void unknownExtensionIsRejectedNamingFileAndSupportedExtensions() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TableFormat.fromFileName("results.xlsx"));
        assertTrue(e.getMessage().contains("results.xlsx"), e.getMessage());
        assertTrue(e.getMessage().contains(".csv, .md, .tex"), e.getMessage());
    }

    @Test
    void formatIsChosenByExtensionIgnoringCase() {
        assertEquals(TableFormat.CSV, TableFormat.fromFileName("a.CSV"));
        assertEquals(TableFormat.MARKDOWN, TableFormat.fromFileName("dir.tex/a.md"));
        assertEquals(TableFormat.LATEX, TableFormat.fromFileName("a.b.tex"));
    }

    @Test
    void unknownColumnLookupNamesTheKnownColumns() {
        Table table = twoColumns().row("x", 1.0).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> table.numbers("lat"));
        assertTrue(e.getMessage().contains("'lat'") && e.getMessage().contains("latency"), e.getMessage());
    }

    @Test
    void tableIsImmutable() {
        Table table = twoColumns().row("x", 1.0).build();
        assertThrows(UnsupportedOperationException.class, () -> table.row(0).set(0, "y"));
        assertThrows(UnsupportedOperationException.class, () -> table.columns().add(Column.text("z")));
        assertEquals(List.of("x"), table.texts("model"));
    }
}
