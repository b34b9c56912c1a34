package dev.dynlat.reports.chart;

import java.util.HashSet;
import java.util.List;

/**
 * A grid of coloured cells with the value printed in each, e.g. the speedup over the static
 * network per stage (columns) and granularity (rows). Missing combinations are {@code NaN} and
 * stay blank. Colours run from vermillion below {@code neutral} through white to blue above it
 * (colour-blind safe), so "slower" and "faster" read at a glance.
 *
 * @param title      the title, empty for none
 * @param columnAxis the axis across, e.g. {@code stage}
 * @param rowAxis    the axis up, e.g. {@code granularity S}
 * @param valueAxis  what the colours mean, e.g. {@code speedup over static [×]}
 * @param columns    column labels, at least one, distinct
 * @param rows       row labels bottom-up, at least one, distinct
 * @param values     {@code values[row][column]}, finite or NaN for none
 * @param neutral    the value drawn white (1 for speedups)
 */
public record HeatmapChartSpec(String title, Axis columnAxis, Axis rowAxis, Axis valueAxis, List<String> columns,
                               List<String> rows, double[][] values, double neutral) implements ChartSpec {

    /** Validates and copies. */
    public HeatmapChartSpec {
        title = Specs.title(title);
        columnAxis = Specs.axis(columnAxis, "column");
        rowAxis = Specs.axis(rowAxis, "row");
        valueAxis = Specs.axis(valueAxis, "value");
        columns = distinct(columns, "column");
        rows = distinct(rows, "row");
        if (values == null || values.length != rows.size()) {
            throw new IllegalArgumentException("A heatmap needs one value row per row label (" + rows.size() + ")");
        }
        double[][] copy = new double[values.length][];
        boolean any = false;
        for (int r = 0; r < values.length; r++) {
            if (values[r] == null || values[r].length != columns.size()) {
                throw new IllegalArgumentException("Heatmap row " + r + " needs " + columns.size() + " values");
            }
            copy[r] = values[r].clone();
            for (double v : copy[r]) {
                if (Double.isInfinite(v)) {
                    throw new IllegalArgumentException("Heatmap value is infinite in row " + rows.get(r));
                }
                any |= !Double.isNaN(v);
            }
        }
        if (!any) {
            throw new IllegalArgumentException("A heatmap needs at least one value");
        }
        if (!Double.isFinite(neutral)) {
            throw new IllegalArgumentException("Heatmap neutral value must be finite, got " + neutral);
        }
        values = copy;
    }

    private static List<String> distinct(List<String> labels, String what) {
        if (labels == null || labels.isEmpty()) {
            throw new IllegalArgumentException("A heatmap needs at least one " + what);
        }
        if (new HashSet<>(labels).size() != labels.size()) {
            throw new IllegalArgumentException("Duplicate " + what + " label in " + labels);
        }
        return List.copyOf(labels);
    }

    /** A copy of the values, {@code [row][column]}. */
    @Override
    public double[][] values() {
        double[][] out = new double[values.length][];
        for (int r = 0; r < values.length; r++) {
            out[r] = values[r].clone();
        }
        return out;
    }

    /** The value of one cell. */
    public double value(int row, int column) {
        return values[row][column];
    }

    /** Smallest and largest finite value. */
    double[] range() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] row : values) {
            for (double v : row) {
                if (!Double.isNaN(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return new double[] {lo, hi};
    }
}
