package dev.dynlat.predictor.workload;

import java.util.List;
import java.util.Map;

/** A node's parameter values with the kind's defaults filled in. */
public final class Params {
    private final Map<String, Object> given;
    private final Map<String, Param> schema;
    private final List<NodeDescription> body;

    Params(Map<String, Object> given, Map<String, Param> schema) {
        this(given, schema, List.of());
    }

    /** With the layers of a block's {@code body:} (a {@code residual} block's chain). */
    Params(Map<String, Object> given, Map<String, Param> schema, List<NodeDescription> body) {
        this.given = given;
        this.schema = schema;
        this.body = List.copyOf(body);
    }

    /** The layers of the node's {@code body:}, in order (empty for kinds without one). */
    public List<NodeDescription> body() {
        return body;
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
