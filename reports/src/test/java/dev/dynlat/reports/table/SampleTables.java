package dev.dynlat.reports.table;

/** Tables shared by the table tests. */
final class SampleTables {

    private SampleTables() {
    }

    /** Text, integer and decimal columns with special characters, quoting and an empty cell. */
    static Table results() {
        return Table.builder()
                .column(Column.text("model"))
                .column(Column.integer("batch", ""))
                .column(Column.decimal("latency", "ms"))
                .column(Column.decimal("share", "%", Precision.decimalPlaces(1)))
                .row("resnet50", 8, 12.3456, 45.25)
                .row("a,b \"quoted\"", 16, 0.1, 0)
                .row("50% of {x}_1 & $y# ~^\\", -3L, 1234567.0, 99.95)
                .row("multi\nline", null, 0.000123456, 7.5f)
                .row("[tag] a|b", 0, 2.0, 100)
                .build();
    }
}
