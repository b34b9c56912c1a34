package dev.dynlat.reports.chart;

/**
 * A labelled horizontal line across a chart, e.g. the latency of the static network.
 *
 * @param value the y value, in the unit of the y axis
 * @param label the text drawn next to the line; may be empty
 */
public record ReferenceLine(double value, String label) {

    /** Validates the value. */
    public ReferenceLine {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("Reference line '" + label + "' value is not finite: " + value);
        }
        label = label == null ? "" : label;
    }
}
