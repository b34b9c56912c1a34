package dev.dynlat.calibration.kernel;

/**
 * The deterministic generator the native backends use to fill operands (dl_desc.h has the C twin).
 *
 * <p>Value {@code i} of operand {@code k} depends only on {@code (seed, k, i)}, so native code can fill
 * buffers in parallel and Java reference implementations can reproduce them exactly. Values are
 * multiples of 2<sup>-23</sup> in [-1, 1).
 */
public final class SeededData {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final long OPERAND_STEP = 0xD1B54A32D192ED03L;

    private SeededData() {
    }

    /** SplitMix64 finaliser. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Value {@code index} of operand {@code operand} for {@code seed}. */
    public static float value(long seed, int operand, long index) {
        long base = mix64(seed + (operand + 1L) * OPERAND_STEP);
        return valueFromBase(base, index);
    }

    private static float valueFromBase(long base, long index) {
        long z = mix64(base + (index + 1) * GOLDEN);
        return (float) ((z >>> 40) - (1L << 23)) * 0x1p-23f;
    }

    /** The first {@code length} values of operand {@code operand}. */
    public static float[] values(long seed, int operand, int length) {
        if (length < 0) {
            throw new IllegalArgumentException("length must be >= 0, got " + length);
        }
        long base = mix64(seed + (operand + 1L) * OPERAND_STEP);
        float[] out = new float[length];
        for (int i = 0; i < length; i++) {
            out[i] = valueFromBase(base, i);
        }
        return out;
    }
}
