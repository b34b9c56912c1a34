package dev.dynlat.predictor.workload;

import java.util.List;

/**
 * A node group defined once under {@code templates:} and used by {@code template:} nodes, each
 * use giving every parameter a value ({@code with:}).
 *
 * @param name the template's name
 * @param params its parameter names, referenced as {@code $name} in its nodes
 * @param nodes its nodes as written
 * @param line where it is defined
 */
public record TemplateDescription(String name, List<String> params, List<NodeDescription> nodes, int line) {
    public TemplateDescription {
        params = List.copyOf(params);
        nodes = List.copyOf(nodes);
    }
}
