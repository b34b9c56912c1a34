package dev.dynlat.calibration.protocol;

import java.util.Arrays;

/** Order statistics of timing samples; all inputs and outputs are in the samples' unit. */
public final class SampleStats {

    private SampleStats() {
    }

    /**
     * Quantile with linear interpolation between closest ranks (Hyndman-Fan type 7, the
     * default of R and NumPy), so results are comparable with what analysts compute offline.
     *
     * @param values non-empty samples (not modified)
     * @param q      quantile in [0, 1]
     */
    public static double quantile(double[] values, double q) {
        if (values.length == 0) {
            throw new IllegalArgumentException("quantile of an empty sample");
        }
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("quantile q must be in [0, 1], got " + q);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        double frac = pos - lo;
        return sorted[lo] + frac * (sorted[hi] - sorted[lo]);
    }

    /** Median (type-7 quantile 0.5). */
    public static double median(double[] values) {
        return quantile(values, 0.5);
    }

    /**
     * Robust relative spread: interquartile range divided by the median,
     * {@code (p75 - p25) / median} (dimensionless).
     *
     * <p>Chosen over {@code (max - min) / median} because one context switch or clock hiccup
     * in a run of 7-15 samples would otherwise fail an attempt that is otherwise stable; the
     * IQR still grows when a sizeable fraction of the runs is disturbed, which is what matters
     * for the median we report.
     */
    public static double relativeSpread(double[] values) {
        double median = median(values);
        return (quantile(values, 0.75) - quantile(values, 0.25)) / median;
    }

    /** Smallest value. */
    public static double min(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("min of an empty sample");
        }
        return Arrays.stream(values).min().orElseThrow();
    }
}
