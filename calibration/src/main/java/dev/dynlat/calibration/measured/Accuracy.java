package dev.dynlat.calibration.measured;

import dev.dynlat.calibration.fit.ErrorStats;
import java.util.Arrays;

/**
 * How close predictions are to measurements over a set of operators: the median absolute percentage
 * error, the share within ±20 %, and the p10 and p90 of predicted / measured (below 1: predicted too
 * fast). NaN figures for an empty set.
 *
 * @param rows          operators
 * @param mdapePct      median of |predicted − measured| / measured, percent
 * @param within20Pct   share of operators with an absolute error of at most 20 %, percent
 * @param ratioP10      10th percentile of predicted / measured
 * @param ratioP90      90th percentile of predicted / measured
 */
public record Accuracy(int rows, double mdapePct, double within20Pct, double ratioP10, double ratioP90) {
    /** The band the summaries count as a good prediction, percent. */
    public static final double BAND_PCT = 20;

    /** Figures of paired predicted and measured latencies (any one unit for both). */
    public static Accuracy of(double[] predicted, double[] measured) {
        if (predicted.length != measured.length) {
            throw new IllegalArgumentException("predicted and measured differ in length: " + predicted.length + " vs "
                    + measured.length);
        }
        int n = predicted.length;
        if (n == 0) {
            return new Accuracy(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] ape = new double[n];
        double[] ratio = new double[n];
        int within = 0;
        for (int i = 0; i < n; i++) {
            ratio[i] = predicted[i] / measured[i];
            ape[i] = 100 * Math.abs(ratio[i] - 1);
            if (ape[i] <= BAND_PCT) {
                within++;
            }
        }
        Arrays.sort(ape);
        Arrays.sort(ratio);
        return new Accuracy(n, ErrorStats.quantileSorted(ape, 0.5), 100.0 * within / n,
                ErrorStats.quantileSorted(ratio, 0.1), ErrorStats.quantileSorted(ratio, 0.9));
    }

    /** Signed error of one prediction, percent: (predicted − measured) / measured × 100. */
    public static double errorPct(double predicted, double measured) {
        return 100 * (predicted - measured) / measured;
    }
}
