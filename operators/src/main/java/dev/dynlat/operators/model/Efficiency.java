package dev.dynlat.operators.model;

/** Utilisation factors shared by every cost model. */
public final class Efficiency {
    private Efficiency() {
    }

    /** Fraction of {@code ceil(x / unit) × unit} that {@code x} fills: lane or tile quantisation. */
    public static double ceilEfficiency(double x, double unit) {
        return x / (Math.ceil(x / unit) * unit);
    }

    /**
     * Useful fraction of memory transactions when rows of {@code run} contiguous elements are read
     * with {@code gap} skipped elements between them and transactions of {@code transaction}
     * elements: long runs waste only their last transaction's tail; short runs that fit in one
     * transaction waste the rest of it, or the gap when run plus gap is smaller.
     */
    public static double coalescing(double run, double gap, double transaction) {
        double g = Math.max(0, gap);
        if (run > transaction) {
            return ceilEfficiency(run, transaction);
        }
        if (run + g > transaction) {
            return run / transaction;
        }
        return run / (run + g);
    }

    public static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
