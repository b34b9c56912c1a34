package dev.dynlat.calibration.backend;

/** Memory access pattern of the bandwidth probe; {@link #code()} matches the native DL_STREAM_* constants. */
public enum StreamPattern {
    /** Sum all elements (bytes counted once). */
    READ(0),
    /** Store a constant to all elements. */
    WRITE(1),
    /** Copy one buffer to another (bytes read + bytes written). */
    COPY(2);

    private final int code;

    StreamPattern(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** Bytes moved by one pass over a buffer of {@code bufferBytes}. */
    public double bytesMoved(long bufferBytes) {
        return this == COPY ? 2.0 * bufferBytes : bufferBytes;
    }
}
