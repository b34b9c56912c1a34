package dev.dynlat.reports.chart;

/**
 * The distribution of a discrete quantity (e.g. latency per input of a network with early exits,
 * which takes one value per exit): a stem at each value, as tall as the share of inputs there,
 * and the cumulative share as a step line over the same value axis. Values sit at their true
 * positions on a numeric axis, never in equal-width bins named by rotated labels.
 *
 * @param title      the title, empty for none
 * @param valueAxis  the axis of the values, e.g. {@code latency per input [ms]}
 * @param values     the distinct values, strictly increasing, finite
 * @param shares     the share of inputs at each value, in [0, 1], summing to 1 (within 1e-6)
 */
public record StepChartSpec(String title, Axis valueAxis, double[] values, double[] shares) implements ChartSpec {

    /** Validates and copies. */
    public StepChartSpec {
        title = Specs.title(title);
        valueAxis = Specs.axis(valueAxis, "value");
        if (values == null || shares == null || values.length == 0 || values.length != shares.length) {
            throw new IllegalArgumentException("A step chart needs one share per value and at least one value");
        }
        values = values.clone();
        shares = shares.clone();
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i]) || (i > 0 && !(values[i] > values[i - 1]))) {
                throw new IllegalArgumentException("Step chart values must be finite and increasing, got "
                        + values[i] + " at " + i);
            }
            if (!(shares[i] >= 0 && shares[i] <= 1)) {
                throw new IllegalArgumentException("Step chart share " + i + " must be in [0, 1], got " + shares[i]);
            }
            sum += shares[i];
        }
        if (Math.abs(sum - 1) > 1e-6) {
            throw new IllegalArgumentException("Step chart shares must sum to 1, got " + sum);
        }
    }

    /** A copy of the values. */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** A copy of the shares. */
    @Override
    public double[] shares() {
        return shares.clone();
    }

    /** The cumulative share at each value (the last is 1). */
    public double[] cumulative() {
        double[] out = new double[shares.length];
        double sum = 0;
        for (int i = 0; i < shares.length; i++) {
            sum += shares[i];
            out[i] = Math.min(1, sum);
        }
        out[out.length - 1] = 1;
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StepChartSpec that && title.equals(that.title) && valueAxis.equals(that.valueAxis)
                && java.util.Arrays.equals(values, that.values) && java.util.Arrays.equals(shares, that.shares);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(title, valueAxis, java.util.Arrays.hashCode(values),
                java.util.Arrays.hashCode(shares));
    }

    @Override
    public String toString() {
        return "StepChartSpec[" + title + ", " + values.length + " values]";
    }
}
