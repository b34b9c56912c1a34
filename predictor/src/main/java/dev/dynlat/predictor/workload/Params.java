package dev.dynlat.predictor.workload;

import java.util.Map;

/** A node's parameter values with the kind's defaults filled in. */
public final class Params {
    private final Map<String, Object> given;
    private final Map<String, Param> schema;

    Params(Map<String, Object> given, Map<String, Param> schema) {
        this.given = given;
        this.schema = schema;
    }

    public boolean has(String key) {
        return given.containsKey(key);
    }

    /** An integer parameter, its default, or {@code fallback} when neither exists. */
    public int integer(String key, int fallback) {
        Object v = given.containsKey(key) ? given.get(key) : schema.get(key).defaultValue();
        return v == null ? fallback : ((Number) v).intValue();
    }

    public int integer(String key) {
        return integer(key, 0);
    }

    public boolean flag(String key) {
        Object v = given.containsKey(key) ? given.get(key) : schema.get(key).defaultValue();
        return Boolean.TRUE.equals(v);
    }

    public String text(String key) {
        Object v = given.containsKey(key) ? given.get(key) : schema.get(key).defaultValue();
        return v == null ? null : v.toString();
    }
}
