package dev.dynlat.calibration.fit;

/**
 * Limits and tolerances of {@link LogErrorFitter}.
 *
 * @param maxEvaluations       most residual+Jacobian evaluations the optimizer may request
 * @param maxIterations        most Levenberg-Marquardt iterations
 * @param relativeStep         central-difference step in the transformed space, relative to
 *                             {@code max(|u|, 1)}; ~1e-5 balances truncation and rounding error
 *                             (cube root of machine epsilon)
 * @param poorFitMedianApePct  a converged fit whose fit-set median APE (percent) exceeds this is
 *                             reported as {@link FitStatus#POOR_FIT}
 */
public record FitOptions(int maxEvaluations, int maxIterations, double relativeStep, double poorFitMedianApePct) {

    public FitOptions {
        if (maxEvaluations < 1) {
            throw new IllegalArgumentException("maxEvaluations must be >= 1, got " + maxEvaluations);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }
        if (!(relativeStep > 0 && relativeStep < 0.1)) {
            throw new IllegalArgumentException("relativeStep must be in (0, 0.1), got " + relativeStep);
        }
        if (!(poorFitMedianApePct > 0)) {
            throw new IllegalArgumentException("poorFitMedianApePct must be > 0, got " + poorFitMedianApePct);
        }
    }

    /** 2000 evaluations, 500 iterations, step 1e-5, poor fit above 25 % median APE. */
    public static FitOptions defaults() {
        return new FitOptions(2000, 500, 1e-5, 25.0);
    }
}
