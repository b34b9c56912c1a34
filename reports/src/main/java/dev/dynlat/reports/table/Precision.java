package dev.dynlat.reports.table;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * How a decimal cell is rounded for display in Markdown and LaTeX (CSV always keeps full
 * precision). Either a number of significant digits ({@code 3.142} for 4) or a fixed number of
 * decimal places ({@code 3.14} for 2). Rounding is half-up on the exact binary value.
 *
 * @param mode   significant digits or decimal places
 * @param digits the number of digits; at least 1 significant digit, or 0 or more decimal places
 */
public record Precision(Mode mode, int digits) {

    /** The display precision used when a decimal column does not say otherwise. */
    public static final Precision DEFAULT = significant(4);

    /** The two ways of counting digits. */
    public enum Mode {
        /** Count significant digits, trailing zeros kept so that the precision stays visible. */
        SIGNIFICANT,
        /** Count digits after the decimal point. */
        DECIMAL_PLACES
    }

    /** Validates the digit count. */
    public Precision {
        if (mode == null) {
            throw new IllegalArgumentException("Precision mode must not be null");
        }
        int minimum = mode == Mode.SIGNIFICANT ? 1 : 0;
        if (digits < minimum || digits > 17) {
            throw new IllegalArgumentException("Precision digits for " + mode + " must be in ["
                    + minimum + ", 17], got " + digits);
        }
    }

    /** Rounds to {@code digits} significant digits. */
    public static Precision significant(int digits) {
        return new Precision(Mode.SIGNIFICANT, digits);
    }

    /** Rounds to {@code places} digits after the decimal point. */
    public static Precision decimalPlaces(int places) {
        return new Precision(Mode.DECIMAL_PLACES, places);
    }

    /**
     * Formats a finite value, locale-independently, without exponent.
     *
     * @param value a finite number
     * @return for example {@code 12.50} (4 significant digits) or {@code -0.07} (2 places)
     */
    public String format(double value) {
        BigDecimal exact = new BigDecimal(value);
        BigDecimal rounded;
        if (mode == Mode.DECIMAL_PLACES) {
            rounded = exact.setScale(digits, RoundingMode.HALF_UP);
        } else if (exact.signum() == 0) {
            rounded = BigDecimal.ZERO.setScale(digits - 1);
        } else {
            rounded = exact.round(new MathContext(digits, RoundingMode.HALF_UP));
            // Pad with zeros (1.5 -> 1.500) but never show digits left of the point as
            // decimals: 12350 stays 12350 rather than becoming 1.235E+4.
            int paddedScale = rounded.scale() + (digits - rounded.precision());
            rounded = rounded.setScale(Math.max(paddedScale, 0), RoundingMode.UNNECESSARY);
        }
        String text = rounded.toPlainString();
        // "-0.00" reads as a sign error in a paper table.
        return rounded.signum() == 0 && text.startsWith("-") ? text.substring(1) : text;
    }
}
