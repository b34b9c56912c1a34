package dev.dynlat.predictor.workload;

import java.util.List;

/**
 * One parameter of a node kind: its key, type, whether it is required, and its default (null
 * where the default depends on other parameters or the input shape, e.g. a conv's padding).
 */
public record Param(String key, Type type, boolean required, Object defaultValue, List<String> choices) {

    /** Value types of parameters. */
    public enum Type { POSITIVE_INT, NON_NEGATIVE_INT, NUMBER, BOOL, CHOICE, TEXT }

    public Param {
        choices = List.copyOf(choices);
    }

    public static Param required(String key) {
        return new Param(key, Type.POSITIVE_INT, true, null, List.of());
    }

    public static Param positive(String key, Integer dflt) {
        return new Param(key, Type.POSITIVE_INT, false, dflt, List.of());
    }

    public static Param nonNegative(String key, Integer dflt) {
        return new Param(key, Type.NON_NEGATIVE_INT, false, dflt, List.of());
    }

    public static Param flag(String key, boolean dflt) {
        return new Param(key, Type.BOOL, false, dflt, List.of());
    }

    /** Free text, e.g. the id of a layer inside the block. */
    public static Param text(String key, String dflt) {
        return new Param(key, Type.TEXT, false, dflt, List.of());
    }

    public static Param choice(String key, String dflt, List<String> choices) {
        return new Param(key, Type.CHOICE, false, dflt, choices);
    }
}
