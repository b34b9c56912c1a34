package dev.dynlat.reports.table;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Full-precision, locale-independent number text for machine-readable output (CSV).
 *
 * <p>A double is written with the fewest significant digits that still parse back to the same
 * double, found by trying 1 to 17 digits. This is deterministic across JDK versions (unlike
 * {@code Double.toString}, whose digit choice changed in JDK 19) and avoids the noise digits of
 * the exact binary expansion ({@code 0.1} is written as {@code 0.1}).
 */
final class ExactNumbers {

    /** Beyond this range plain notation gets long; scientific notation is used instead. */
    private static final double PLAIN_MIN = 1e-6;
    private static final double PLAIN_MAX = 1e15;

    private ExactNumbers() {
    }

    static String format(double value) {
        if (value == 0.0) {
            return "0";
        }
        BigDecimal exact = new BigDecimal(value);
        BigDecimal shortest = exact;
        for (int digits = 1; digits <= 17; digits++) {
            BigDecimal candidate = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == value) {
                shortest = candidate;
                break;
            }
        }
        shortest = shortest.stripTrailingZeros();
        double magnitude = Math.abs(value);
        if (magnitude >= PLAIN_MIN && magnitude < PLAIN_MAX) {
            return shortest.toPlainString();
        }
        return shortest.toString();
    }

    static String format(long value) {
        return Long.toString(value);
    }
}
