package dev.dynlat.predictor.distribution;

import dev.dynlat.operators.input.InputBounds;

/**
 * The counts of a Binomial(n, p) that carry non-negligible probability, with their relative
 * weights: the most likely count weighs 1, and the window stops on each side at the first count
 * below {@code cutoff} of it. Weights come from the ratio of neighbouring probabilities,
 * P(k+1)/P(k) = (n−k)/(k+1) · p/(1−p), walked outwards from the mode, so the work and memory are
 * those of the window (about 2·sqrt(2·ln(1/cutoff)·n·p·(1−p)) counts), never of n: a batch of
 * 2<sup>31</sup>−1 allocates nothing of its size.
 *
 * <p>A binomial is log-concave, so beyond the window each tail falls at least geometrically with
 * the ratio at its edge; {@link #neglectedMass()} bounds the probability outside the window,
 * relative to the window's own, by that geometric sum.
 *
 * @param n trials (inputs in the batch)
 * @param p probability of each (reach of a segment)
 * @param lo smallest count in the window
 * @param mode the most likely count (weight 1)
 * @param hi largest count in the window
 * @param neglectedMass upper bound on the probability outside the window, as a fraction of the
 *     probability inside it
 */
public record BinomialWindow(int n, double p, int lo, int mode, int hi, double neglectedMass) {
    /**
     * The window of Binomial({@code n}, {@code p}); p at or below 0 or at or above 1 is the single
     * count 0 or n. Only walks the window, allocating nothing.
     */
    public static BinomialWindow of(int n, double p, double cutoff) {
        if (n < 0) {
            throw new IllegalArgumentException("n: must be non-negative, got " + n);
        }
        if (!(p > 0)) {
            return new BinomialWindow(n, 0, 0, 0, 0, 0);
        }
        if (!(p < 1)) {
            return new BinomialWindow(n, 1, n, n, n, 0);
        }
        int mode = (int) Math.min(n, Math.floor((n + 1.0) * p));
        double inside = 1;
        int lo = mode;
        double w = 1;
        double below = 0;
        while (lo > 0) {
            double ratio = down(n, p, lo);
            if (w * ratio < cutoff) {
                // Log-concave: further ratios are smaller, so the tail is below a geometric sum.
                below = w * ratio / (1 - ratio);
                break;
            }
            w *= ratio;
            inside += w;
            lo--;
        }
        int hi = mode;
        w = 1;
        double above = 0;
        while (hi < n) {
            double ratio = up(n, p, hi);
            if (w * ratio < cutoff) {
                above = w * ratio / (1 - ratio);
                break;
            }
            w *= ratio;
            inside += w;
            hi++;
        }
        return new BinomialWindow(n, p, lo, mode, hi, (below + above) / inside);
    }

    /** P(k-1)/P(k). */
    private static double down(int n, double p, int k) {
        return k / (n - k + 1.0) * ((1 - p) / p);
    }

    /** P(k+1)/P(k). */
    private static double up(int n, double p, int k) {
        return (n - k) / (k + 1.0) * (p / (1 - p));
    }

    /** Counts in the window. */
    public int size() {
        return hi - lo + 1;
    }

    /** Relative probabilities of counts {@code lo..hi} (the mode weighs 1), walked from the mode. */
    public double[] weights() {
        double[] out = new double[size()];
        out[mode - lo] = 1;
        for (int k = mode; k > lo; k--) {
            out[k - 1 - lo] = out[k - lo] * down(n, p, k);
        }
        for (int k = mode; k < hi; k++) {
            out[k + 1 - lo] = out[k - lo] * up(n, p, k);
        }
        return out;
    }

    /**
     * Refuses a window wider than {@link InputBounds#BATCH_SIZES_COSTED}: each count is one costing
     * of the network at that batch size.
     */
    void checkCosted(String field) {
        if (size() > InputBounds.BATCH_SIZES_COSTED.max()) {
            throw new IllegalArgumentException(field + ": " + n + " inputs with per-input exits need " + size()
                    + " batch sizes costed for the batched-runtime expectation; at most "
                    + InputBounds.BATCH_SIZES_COSTED.max() + " are (use a smaller --batch)");
        }
    }
}
