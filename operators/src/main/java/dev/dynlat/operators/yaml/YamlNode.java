package dev.dynlat.operators.yaml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed YAML value that remembers where it came from, so that every validation problem can be
 * reported as {@code file:line path: message}.
 */
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Mapping, YamlNode.Sequence {

    /** 1-based line of the value in its source. */
    int line();

    /** Dotted path from the document root, e.g. {@code laudnet.clock_mhz} or {@code rates[3]}. */
    String path();

    /** A scalar; {@code text} is null for an explicit YAML null. */
    record Scalar(String text, boolean quoted, int line, String path) implements YamlNode {
    }

    /** A mapping whose keys keep their document order. */
    record Mapping(Map<String, YamlNode> entries, Map<String, Integer> keyLines, int line, String path)
            implements YamlNode {
        public Mapping {
            entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
            keyLines = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keyLines));
        }
    }

    /** A sequence. */
    record Sequence(List<YamlNode> items, int line, String path) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }
    }

    /** Short name of the node's kind for error messages. */
    default String kindName() {
        if (this instanceof Mapping) {
            return "a mapping";
        }
        if (this instanceof Sequence) {
            return "a list";
        }
        return "a scalar";
    }
}
