package dev.dynlat.reports.chart;

import dev.dynlat.reports.table.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A named sequence of finite (x, y) points, drawn in the given order.
 *
 * <p>The arrays are copied in and out, so a series is immutable.
 *
 * @param name the legend text, not blank
 * @param x    the x values
 * @param y    the y values, as many as x values
 */
public record Series(String name, double[] x, double[] y) {

    /** Validates and copies the points. */
    public Series {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Series name must not be blank");
        }
        if (x == null || y == null) {
            throw new IllegalArgumentException("Series '" + name + "' needs x and y values");
        }
        if (x.length != y.length) {
            throw new IllegalArgumentException("Series '" + name + "' has " + x.length
                    + " x values but " + y.length + " y values");
        }
        x = x.clone();
        y = y.clone();
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                throw new IllegalArgumentException("Series '" + name + "' point " + i
                        + " is not finite: (" + x[i] + ", " + y[i] + ")");
            }
        }
    }

    /** A series from arrays. */
    public static Series of(String name, double[] x, double[] y) {
        return new Series(name, x, y);
    }

    /** One series named after {@code yColumn}, with x and y taken from two numeric columns. */
    public static Series fromColumns(Table table, String xColumn, String yColumn) {
        return new Series(yColumn, table.numbers(xColumn), table.numbers(yColumn));
    }

    /**
     * One series per distinct value of {@code groupColumn} (in order of first appearance),
     * e.g. latency vs activation rate with one series per granularity.
     */
    public static List<Series> groupedBy(Table table, String groupColumn, String xColumn, String yColumn) {
        List<String> groups = table.texts(groupColumn);
        double[] xs = table.numbers(xColumn);
        double[] ys = table.numbers(yColumn);
        Map<String, List<Integer>> rowsByGroup = new LinkedHashMap<>();
        for (int r = 0; r < groups.size(); r++) {
            rowsByGroup.computeIfAbsent(groups.get(r), g -> new ArrayList<>()).add(r);
        }
        List<Series> series = new ArrayList<>();
        rowsByGroup.forEach((group, rows) -> {
            double[] x = new double[rows.size()];
            double[] y = new double[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                x[i] = xs[rows.get(i)];
                y[i] = ys[rows.get(i)];
            }
            series.add(new Series(group.isEmpty() ? "(none)" : group, x, y));
        });
        return List.copyOf(series);
    }

    /** A copy of the x values. */
    @Override
    public double[] x() {
        return x.clone();
    }

    /** A copy of the y values. */
    @Override
    public double[] y() {
        return y.clone();
    }

    /** The number of points. */
    public int size() {
        return x.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Series that && name.equals(that.name)
                && Arrays.equals(x, that.x) && Arrays.equals(y, that.y);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + Arrays.hashCode(x)) + Arrays.hashCode(y);
    }

    @Override
    public String toString() {
        return "Series[" + name + ", " + x.length + " points]";
    }
}
