package dev.dynlat.calibration.suite;

/** The fit was poor or did not converge, so no profile was written (a run error, not bad input). */
public final class PoorFitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PoorFitException(String message) {
        super(message);
    }
}
