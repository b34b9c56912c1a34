package dev.dynlat.reports.chart;

import dev.dynlat.reports.table.Column;

/**
 * The label of a chart axis and the unit of its values.
 *
 * @param label what the axis shows, e.g. {@code latency}; may be empty
 * @param unit  the unit, e.g. {@code ms}; empty for dimensionless quantities
 */
public record Axis(String label, String unit) {

    /** Replaces null label or unit by the empty string. */
    public Axis {
        label = label == null ? "" : label.strip();
        unit = unit == null ? "" : unit.strip();
    }

    /** An axis labelled like a table column: its name and unit. */
    public static Axis of(Column column) {
        return new Axis(column.name(), column.unit());
    }

    /** An axis without unit. */
    public static Axis of(String label) {
        return new Axis(label, "");
    }

    /** The text shown along the axis: {@code label [unit]}, or just the label without unit. */
    public String text() {
        return unit.isEmpty() ? label : label + " [" + unit + "]";
    }
}
