package dev.dynlat.operators.spec;

/** Argument checks whose messages name the field and the value. */
public final class Check {
    private Check() {
    }

    public static int positive(String field, int v) {
        if (v <= 0) {
            throw new IllegalArgumentException(field + ": must be a positive integer, got " + v);
        }
        return v;
    }

    public static long positive(String field, long v) {
        if (v <= 0) {
            throw new IllegalArgumentException(field + ": must be a positive integer, got " + v);
        }
        return v;
    }

    public static double fraction(String field, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(field + ": must be in [0, 1], got " + v);
        }
        return v;
    }

    public static void divides(String field, int divisor, String ofField, int value) {
        if (divisor <= 0 || value % divisor != 0) {
            throw new IllegalArgumentException(field + ": " + divisor + " does not divide " + ofField + " " + value);
        }
    }
}
