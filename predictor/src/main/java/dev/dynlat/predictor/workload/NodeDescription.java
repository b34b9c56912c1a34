package dev.dynlat.predictor.workload;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One node of a network file as written, before shapes are inferred: its id, its form and kind
 * ({@code op: conv}, {@code block: bottleneck}, …), its kind's parameters (validated against the
 * kind's schema), and where it came from. Descriptions are what {@code dynlat models export}
 * writes back, so they keep the user's own structure ({@code repeat}, {@code steps}).
 *
 * @param id unique id
 * @param form how the node is written
 * @param kind operator or block kind, or the template a {@code template:} node uses ({@code exit},
 *             {@code steps}, {@code policy} for control forms)
 * @param params the kind's parameters, in schema order, only those given in the file; inside a template a
 *               value may be a {@link TemplateArg} (a template use's arguments, {@code with:}, are its params)
 * @param inputs input ids (empty: the previous node's output)
 * @param repeat copies of a block or template use (1 when not repeated)
 * @param dynamic false when dynamics must never touch this block
 * @param name display name, or null to derive one from the id
 * @param children nested nodes of exits, steps and policies, or the layers of a {@code residual} block's body
 *                 (an include's nodes come from the zoo at resolve time)
 * @param line line in the source (0 when built in code)
 */
public record NodeDescription(String id, Form form, String kind, Map<String, Object> params, List<String> inputs,
                              int repeat, boolean dynamic, String name, List<NodeDescription> children, int line) {

    /** The key that introduces a node. */
    public enum Form {
        OP("op"), BLOCK("block"), EXIT("exit"), STEPS("steps"), POLICY("policy"), INCLUDE("include"),
        TEMPLATE("template");

        private final String key;

        Form(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    public NodeDescription {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        inputs = List.copyOf(inputs);
        children = List.copyOf(children);
    }

    public int intParam(String key) {
        return ((Number) params.get(key)).intValue();
    }
}
