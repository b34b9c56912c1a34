package dev.dynlat.operators.input;

import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The one strict syntax for the numbers users type, in options, YAML files, CSV files and
 * requests. A decimal number is digits with an optional sign, point and exponent, as in
 * {@code 0.5}, {@code .25}, {@code 1e-3}, or one of the words {@code NaN} and {@code Infinity}, so
 * that a range check can name them. An integer is ASCII digits with an optional sign.
 *
 * <p>Java's own parsers take more: {@code Double.parseDouble} reads {@code 0.5d}, {@code 1f},
 * hexadecimal {@code 0x1p-1} and surrounding blanks, {@code Integer.parseInt} reads any Unicode
 * digit ({@code ４}, {@code ٤}); a typo or a copy from source code would be read as a number
 * without a word.
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

    /** Whether {@code text} is an integer in the accepted syntax (of any size). */
    public static boolean isInteger(String text) {
        // A loop, not a pattern: decision files ask this once per row, of millions.
        if (text == null) {
            return false;
        }
        int from = text.startsWith("+") || text.startsWith("-") ? 1 : 0;
        if (from == text.length()) {
            return false;
        }
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * The number {@code text} spells, for a caller that names the field itself (an option parser).
     *
     * @throws IllegalArgumentException {@code '<text>' is not a decimal number}
     */
    public static double parse(String text) {
        if (!isDecimal(text)) {
            throw new IllegalArgumentException("'" + text + "' is not a decimal number");
        }
        return Double.parseDouble(text);
    }

    /**
     * The number {@code text} spells.
     *
     * @throws IllegalArgumentException {@code <field>: '<text>' is not a decimal number}
     */
    public static double parse(String field, String text) {
        return named(field, () -> parse(text));
    }

    /**
     * The {@code int} {@code text} spells, for a caller that names the field itself.
     *
     * @throws IllegalArgumentException {@code '<text>' is not an integer}, or not one in the int range
     */
    public static int parseInt(String text) {
        return (int) integer(text, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /** As {@link #parseInt(String)}, the message starting with {@code <field>: }. */
    public static int parseInt(String field, String text) {
        return named(field, () -> parseInt(text));
    }

    /**
     * The {@code long} {@code text} spells, for a caller that names the field itself.
     *
     * @throws IllegalArgumentException {@code '<text>' is not an integer}, or not one in the long range
     */
    public static long parseLong(String text) {
        return integer(text, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** As {@link #parseLong(String)}, the message starting with {@code <field>: }. */
    public static long parseLong(String field, String text) {
        return named(field, () -> parseLong(text));
    }

    private static long integer(String text, long min, long max) {
        if (!isInteger(text)) {
            throw new IllegalArgumentException("'" + text + "' is not an integer");
        }
        try {
            long v = Long.parseLong(text);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // Once the syntax holds, only too many digits are left: out of range like the rest.
        }
        throw new IllegalArgumentException("'" + text + "' is not an integer in [" + min + ", " + max + "]");
    }

    private static <T> T named(String field, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
        }
    }
}
