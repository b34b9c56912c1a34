package dev.dynlat.operators.spec;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The pointwise activation functions a network may use; {@link #id()} is the name in network files. */
public enum ActivationFunction {
    RELU("relu"), RELU6("relu6"), HARD_SWISH("hard-swish"), SWISH("swish"), GELU("gelu"), SIGMOID("sigmoid"),
    HARD_SIGMOID("hard-sigmoid"), TANH("tanh");

    private final String id;

    ActivationFunction(String id) {
        this.id = id;
    }

    /** Lower-case, hyphenated name: {@code relu}, {@code hard-swish}, … */
    public String id() {
        return id;
    }

    /** The function named {@code text} (its {@link #id()}, case-insensitive). */
    public static ActivationFunction parse(String text) {
        for (ActivationFunction f : values()) {
            if (f.id.equalsIgnoreCase(String.valueOf(text).trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("activation: unknown function '" + text + "'; valid: " + validIds());
    }

    static String validIds() {
        return Arrays.stream(values()).map(ActivationFunction::id).collect(Collectors.joining(", "));
    }
}
