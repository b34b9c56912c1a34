package dev.dynlat.operators.input;

import java.util.regex.Pattern;

/**
 * Strict syntax for the decimal numbers users type (rates, proportions, probabilities): digits
 * with an optional sign, point and exponent, as in {@code 0.5}, {@code .25}, {@code 1e-3}; and
 * the words {@code NaN} and {@code Infinity}, so that a range check can name them. Java's own
 * parser also takes {@code 0.5d}, {@code 1f}, hexadecimal {@code 0x1p-1} and surrounding
 * blanks: a typo or a copy from source code would be read as a number without a word.
 */
public final class DecimalText {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?"
            + "|[+-]?Infinity|NaN");

    private DecimalText() {
    }

    /** Whether {@code text} is a decimal number in the accepted syntax. */
    public static boolean isDecimal(String text) {
        return text != null && DECIMAL.matcher(text).matches();
    }

    /**
     * The number {@code text} spells.
     *
     * @throws IllegalArgumentException {@code <field>: '<text>' is not a decimal number}
     */
    public static double parse(String field, String text) {
        if (!isDecimal(text)) {
            throw new IllegalArgumentException(field + ": '" + text + "' is not a decimal number");
        }
        return Double.parseDouble(text);
    }
}
