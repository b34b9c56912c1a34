package dev.dynlat.operators.input;

/**
 * The accepted values of one integer input, with the field name used in messages.
 *
 * @param field name of the option or YAML key, e.g. {@code batch}
 * @param min smallest accepted value
 * @param max largest accepted value
 */
public record IntRange(String field, int min, int max) {
    public IntRange {
        if (min > max) {
            throw new IllegalArgumentException(field + ": empty range [" + min + ", " + max + "]");
        }
    }

    public boolean contains(long value) {
        return value >= min && value <= max;
    }

    /**
     * Returns {@code value} when accepted.
     *
     * @throws IllegalArgumentException {@code <field>: must be in [min, max], got <value>}
     */
    public int check(long value) {
        if (!contains(value)) {
            throw new IllegalArgumentException(field + ": must be an integer in [" + min + ", " + max + "], got "
                    + value);
        }
        return (int) value;
    }
}
