package dev.dynlat.calibration.network;

import java.util.Locale;

/**
 * Element-by-element comparison of a native output with its reference. The summation order of
 * the blocked GEMM differs from the reference loops, so values agree to a tolerance relative to
 * the output's root-mean-square, not bit for bit; a skipped or misplaced tile is off by the size
 * of the values themselves and fails by orders of magnitude.
 *
 * @param elements      elements compared
 * @param mismatches    elements outside the tolerance
 * @param worstIndex    index of the largest deviation
 * @param worstAbsError largest |native − reference|
 * @param referenceRms  root-mean-square of the reference
 * @param tolerance     allowed |deviation| (absolute, {@code RELATIVE_TOLERANCE × referenceRms})
 */
public record OutputCheck(long elements, long mismatches, long worstIndex, double worstAbsError, double referenceRms,
                          double tolerance) {
    /** Allowed deviation as a fraction of the reference's RMS. */
    public static final double RELATIVE_TOLERANCE = 2e-3;

    public static OutputCheck compare(float[] actual, float[] reference) {
        if (actual.length != reference.length) {
            throw new IllegalArgumentException("output lengths differ: " + actual.length + " vs " + reference.length);
        }
        double sq = 0;
        for (float v : reference) {
            sq += (double) v * v;
        }
        double rms = Math.sqrt(sq / Math.max(1, reference.length));
        double tol = RELATIVE_TOLERANCE * rms + Float.MIN_NORMAL;
        long bad = 0;
        long worst = -1;
        double worstErr = 0;
        for (int i = 0; i < actual.length; i++) {
            double e = Math.abs((double) actual[i] - reference[i]);
            if (!(e <= tol)) {
                bad++;
            }
            if (!(e <= worstErr)) {
                worstErr = Double.isNaN(e) ? Double.POSITIVE_INFINITY : e;
                worst = i;
            }
        }
        return new OutputCheck(actual.length, bad, worst, worstErr, rms, tol);
    }

    public boolean passed() {
        return mismatches == 0 && Double.isFinite(referenceRms) && referenceRms > 0;
    }

    public String describe() {
        return String.format(Locale.ROOT, "%d of %d elements outside %.3g (rms %.3g); worst |error| %.3g at %d",
                mismatches, elements, tolerance, referenceRms, worstAbsError, worstIndex);
    }
}
