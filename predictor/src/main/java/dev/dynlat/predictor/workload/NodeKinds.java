package dev.dynlat.predictor.workload;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The registry of node kinds: every operator and block kind a network file may name. */
public final class NodeKinds {
    private static final Map<String, NodeKind> OPERATORS = index(OperatorKinds.all());
    private static final Map<String, NodeKind> BLOCKS = index(BlockKinds.all());

    private NodeKinds() {
    }

    private static Map<String, NodeKind> index(List<NodeKind> kinds) {
        Map<String, NodeKind> m = new LinkedHashMap<>();
        for (NodeKind k : kinds) {
            if (m.put(k.name(), k) != null) {
                throw new IllegalStateException("duplicate node kind " + k.name());
            }
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    public static Optional<NodeKind> operator(String name) {
        return Optional.ofNullable(OPERATORS.get(name));
    }

    public static Optional<NodeKind> block(String name) {
        return Optional.ofNullable(BLOCKS.get(name));
    }

    public static List<String> operatorNames() {
        return List.copyOf(OPERATORS.keySet());
    }

    public static List<String> blockNames() {
        return List.copyOf(BLOCKS.keySet());
    }

    public static List<NodeKind> all() {
        return Stream.concat(OPERATORS.values().stream(), BLOCKS.values().stream()).toList();
    }
}
