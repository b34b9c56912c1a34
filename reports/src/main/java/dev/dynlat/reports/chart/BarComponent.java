package dev.dynlat.reports.chart;

import java.util.Arrays;

/**
 * One stacked part of every bar, e.g. the "gather" time of each stage.
 *
 * @param name   the legend text, not blank
 * @param values one finite, non-negative value per category, in category order
 */
public record BarComponent(String name, double[] values) {

    /** Validates and copies. */
    public BarComponent {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Bar component name must not be blank");
        }
        if (values == null) {
            throw new IllegalArgumentException("Bar component '" + name + "' needs values");
        }
        values = values.clone();
        for (int i = 0; i < values.length; i++) {
            // Negative parts make a stacked breakdown unreadable, so they are refused.
            if (!Double.isFinite(values[i]) || values[i] < 0) {
                throw new IllegalArgumentException("Bar component '" + name + "' value " + i
                        + " must be finite and non-negative, got " + values[i]);
            }
        }
    }

    /** A copy of the values. */
    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BarComponent that && name.equals(that.name) && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "BarComponent[" + name + ", " + Arrays.toString(values) + "]";
    }
}
