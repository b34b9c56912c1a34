package dev.dynlat.calibration.backend;

/** A backend could not run: library missing, no device, allocation or CUDA failure. Thrown also from JNI. */
public class BackendException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BackendException(String message) {
        super(message);
    }

    public BackendException(String message, Throwable cause) {
        super(message, cause);
    }
}
