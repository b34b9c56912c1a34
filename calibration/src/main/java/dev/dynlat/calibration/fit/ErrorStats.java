package dev.dynlat.calibration.fit;

import java.util.Arrays;
import java.util.List;

/**
 * Absolute-percentage-error summary of a list of {@link Prediction}s. All values are percent;
 * an empty list gives {@code count = 0} and NaN statistics.
 *
 * <p>Quantiles use linear interpolation between closest ranks (type 7, as NumPy's default).
 *
 * @param count        number of predictions
 * @param medianApePct median absolute percentage error
 * @param meanApePct   mean absolute percentage error
 * @param p90ApePct    90th percentile of the absolute percentage error
 * @param maxApePct    largest absolute percentage error
 */
public record ErrorStats(int count, double medianApePct, double meanApePct, double p90ApePct, double maxApePct) {

    /** Statistics of no predictions at all. */
    public static final ErrorStats EMPTY = new ErrorStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    public ErrorStats {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
    }

    /** Computes the statistics of {@code predictions}. */
    public static ErrorStats of(List<Prediction> predictions) {
        if (predictions.isEmpty()) {
            return EMPTY;
        }
        double[] ape = predictions.stream().mapToDouble(Prediction::apePct).sorted().toArray();
        return new ErrorStats(ape.length, quantileSorted(ape, 0.5), Arrays.stream(ape).average().orElseThrow(),
                quantileSorted(ape, 0.9), ape[ape.length - 1]);
    }

    /** Linear-interpolated quantile {@code q} in [0, 1] of values sorted ascending (not empty). */
    public static double quantileSorted(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
