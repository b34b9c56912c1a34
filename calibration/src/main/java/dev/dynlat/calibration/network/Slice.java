package dev.dynlat.calibration.network;

/**
 * A run of floats inside one buffer of a program.
 *
 * @param buffer buffer index
 * @param offset first float (elements, not bytes)
 */
public record Slice(int buffer, int offset) {
    public Slice {
        if (buffer < 0 || offset < 0) {
            throw new IllegalArgumentException("slice: buffer and offset must be >= 0, got " + buffer + ", " + offset);
        }
    }

    public static Slice of(int buffer) {
        return new Slice(buffer, 0);
    }
}
