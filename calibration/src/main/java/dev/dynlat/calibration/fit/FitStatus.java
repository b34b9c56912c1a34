package dev.dynlat.calibration.fit;

/** Outcome of a {@link LogErrorFitter} run. */
public enum FitStatus {
    /** The optimizer converged and the fit-set error is acceptable. */
    CONVERGED,
    /** The optimizer converged, but the model does not describe the data (median APE too high). */
    POOR_FIT,
    /** The optimizer hit its evaluation or iteration limit or diverged; best parameters seen are reported. */
    NOT_CONVERGED,
    /** The fit could not run (too few observations, model error, invalid predictions); initial parameters are reported. */
    FAILED
}
