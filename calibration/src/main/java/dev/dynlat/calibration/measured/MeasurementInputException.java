package dev.dynlat.calibration.measured;

/**
 * A measurement file that cannot be used: missing, empty, of an unknown layout, or a row that does
 * not describe a timed operator. The message is one line naming {@code file:line}, the column and the
 * value; the command line reports it with exit code 2.
 */
public final class MeasurementInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public MeasurementInputException(String message) {
        super(message);
    }
}
