package dev.dynlat.predictor.workload;

import dev.dynlat.predictor.workload.NodeDescription.Form;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link NetworkDescription} as a network file that loads back to the same network:
 * one flow mapping per node, repeats and steps kept as written.
 */
public final class NetworkWriter {
    private NetworkWriter() {
    }

    /** The YAML text; {@code inputSize} replaces the description's own input side. */
    public static String write(NetworkDescription d, int inputSize) {
        StringBuilder sb = new StringBuilder();
        sb.append("network: ").append(quote(d.name())).append('\n');
        if (!d.source().isEmpty()) {
            sb.append("source: ").append(quote(d.source())).append('\n');
        }
        sb.append("input: {channels: ").append(d.inputChannels()).append(", size: ").append(inputSize).append("}\n");
        if (d.classes() > 0) {
            sb.append("classes: ").append(d.classes()).append('\n');
        }
        if (!d.templates().isEmpty()) {
            sb.append("templates:\n");
            for (TemplateDescription t : d.templates()) {
                sb.append("  ").append(quote(t.name())).append(":\n");
                if (!t.params().isEmpty()) {
                    sb.append("    params: [").append(String.join(", ", t.params().stream().map(NetworkWriter::quote)
                            .toList())).append("]\n");
                }
                sb.append("    nodes:\n");
                nodes(sb, t.nodes(), "      ");
            }
        }
        sb.append("stages:\n");
        for (NetworkDescription.StageDescription s : d.stages()) {
            sb.append("  - stage: ").append(quote(s.name())).append('\n');
            sb.append("    nodes:\n");
            nodes(sb, s.nodes(), "      ");
        }
        return sb.toString();
    }

    private static void nodes(StringBuilder sb, List<NodeDescription> nodes, String indent) {
        for (NodeDescription n : nodes) {
            sb.append(indent).append("- ");
            if (n.children().isEmpty()) {
                sb.append('{').append(String.join(", ", fields(n))).append("}\n");
                continue;
            }
            sb.append(String.join("\n" + indent + "  ", fields(n))).append('\n');
            String listKey = switch (n.form()) {
                case STEPS -> "nodes";
                case BLOCK -> "body";
                default -> n.form().key();
            };
            sb.append(indent).append("  ").append(listKey).append(":\n");
            nodes(sb, n.children(), indent + "    ");
        }
    }

    private static List<String> fields(NodeDescription n) {
        List<String> f = new java.util.ArrayList<>();
        f.add("id: " + quote(n.id()));
        switch (n.form()) {
            case OP, BLOCK -> f.add(n.form().key() + ": " + n.kind());
            case TEMPLATE -> f.add("template: " + quote(n.kind()));
            case STEPS -> f.add("steps: " + n.params().get("steps"));
            default -> {
            }
        }
        if (n.name() != null) {
            f.add("name: " + quote(n.name()));
        }
        if (n.inputs().size() == 1) {
            f.add("input: " + quote(n.inputs().get(0)));
        } else if (!n.inputs().isEmpty()) {
            f.add("inputs: [" + String.join(", ", n.inputs().stream().map(NetworkWriter::quote).toList()) + "]");
        }
        if (n.repeat() > 1) {
            f.add("repeat: " + n.repeat());
        }
        if (!n.dynamic()) {
            f.add("dynamic: false");
        }
        if (n.form() == Form.TEMPLATE) {
            if (!n.params().isEmpty()) {
                f.add("with: {" + String.join(", ", n.params().entrySet().stream()
                        .map(e -> quote(e.getKey()) + ": " + argument(e.getValue())).toList()) + "}");
            }
            return f;
        }
        for (Map.Entry<String, Object> e : n.params().entrySet()) {
            if (n.form() == Form.STEPS && e.getKey().equals("steps")) {
                continue;
            }
            f.add(e.getKey() + ": " + value(e.getValue()));
        }
        return f;
    }

    /** A template argument: numbers and {@code $name} as written, other text quoted where YAML needs it. */
    private static String argument(Object v) {
        String text = v.toString();
        return v instanceof TemplateArg || text.matches("-?[0-9]+(\\.[0-9]+)?") ? text : quote(text);
    }

    private static String value(Object v) {
        if (v instanceof List<?> list) {
            return "[" + String.join(", ", list.stream().map(o -> quote(o.toString())).toList()) + "]";
        }
        return v instanceof String s ? quote(s) : v.toString(); // a TemplateArg writes itself as $name
    }

    /** Quotes text that YAML would otherwise read as something else. */
    static String quote(String s) {
        if (s.matches("[A-Za-z_][A-Za-z0-9_.\\-]*") && !s.matches("(?i)true|false|null|yes|no|on|off|~")) {
            return s;
        }
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
