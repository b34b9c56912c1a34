package dev.dynlat.calibration.protocol;

/** A timed run returned a sample that cannot be a duration (non-finite, &le; 0 s) or the wrong count. */
public class InvalidSampleException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public InvalidSampleException(String message) {
        super(message);
    }
}
