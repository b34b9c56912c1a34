package dev.dynlat.calibration.fit;

/**
 * One fitted coefficient of a {@link ParametricModel}.
 *
 * <p>Bounds may be infinite. The initial value must lie strictly inside them because the
 * optimizer works in a transformed space (see {@link LogErrorFitter}) in which the bounds
 * themselves sit at infinity.
 *
 * @param name    identifier, unique within a model (e.g. "peakFlops")
 * @param unit    unit of the value (e.g. "FLOP/s", "B/s", "s")
 * @param initial starting value, also the "before" value of the error report
 * @param lower   lower bound, inclusive; may be {@code -Infinity}
 * @param upper   upper bound, inclusive; may be {@code +Infinity}
 */
public record ParameterSpec(String name, String unit, double initial, double lower, double upper) {

    public ParameterSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("parameter name must be non-blank, got '" + name + "'");
        }
        if (unit == null) {
            throw new IllegalArgumentException("unit of parameter " + name + " must not be null");
        }
        if (Double.isNaN(lower) || Double.isNaN(upper) || !(lower < upper)) {
            throw new IllegalArgumentException("parameter " + name + ": need lower < upper, got lower="
                    + lower + " upper=" + upper);
        }
        if (!Double.isFinite(initial) || !(initial > lower && initial < upper)) {
            throw new IllegalArgumentException("parameter " + name + ": initial must be finite and strictly"
                    + " inside (" + lower + ", " + upper + "), got " + initial);
        }
    }

    /** A parameter that must stay positive, with no upper bound. */
    public static ParameterSpec positive(String name, String unit, double initial) {
        return new ParameterSpec(name, unit, initial, 0.0, Double.POSITIVE_INFINITY);
    }
}
