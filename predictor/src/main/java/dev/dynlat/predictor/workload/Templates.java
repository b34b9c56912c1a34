package dev.dynlat.predictor.workload;

import dev.dynlat.operators.input.InputBounds;
import dev.dynlat.operators.yaml.YamlFields;
import dev.dynlat.operators.yaml.YamlNode;
import dev.dynlat.operators.yaml.YamlProblems;
import dev.dynlat.predictor.workload.NodeDescription.Form;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Templates of network files ({@code templates:}): reading their definitions, checking their uses
 * (known template, exactly its arguments, no template that uses itself, an expansion within
 * {@link InputBounds#NETWORK_NODES}), and binding a use's arguments into the template's nodes.
 */
final class Templates {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_\\-]*");
    /** Expansion counts saturate here (a count only has to be compared with the limit). */
    private static final long SATURATED = Long.MAX_VALUE / 4;

    private Templates() {
    }

    /** Reads {@code templates: {name: {params: [...], nodes: [...]}, ...}}. */
    static List<TemplateDescription> read(YamlNode node, YamlProblems problems) {
        List<TemplateDescription> out = new ArrayList<>();
        if (!(node instanceof YamlNode.Mapping m)) {
            problems.add(node, "expected a mapping of template names to templates, found " + node.kindName());
            return out;
        }
        for (Map.Entry<String, YamlNode> e : m.entries().entrySet()) {
            String name = e.getKey();
            if (!NAME.matcher(name).matches()) {
                problems.add(e.getValue(), "template name '" + name + "' is not valid (letters, digits, '_', '-')");
            }
            YamlFields.of(e.getValue(), problems).ifPresent(f -> {
                List<String> params = new ArrayList<>();
                f.sequence("params", false).ifPresent(seq -> {
                    for (YamlNode p : seq.items()) {
                        String text = p instanceof YamlNode.Scalar s ? s.text() : null;
                        if (text == null || !NAME.matcher(text).matches()) {
                            problems.add(p, "expected a parameter name (letters, digits, '_', '-'), found "
                                    + (text == null ? p.kindName() : "'" + text + "'"));
                        } else if (params.contains(text)) {
                            problems.add(p, "parameter '" + text + "' is declared twice");
                        } else {
                            params.add(text);
                        }
                    }
                });
                List<NodeDescription> nodes = f.sequence("nodes", true)
                        .map(s -> NetworkLoader.nodes(s, Set.copyOf(params), problems)).orElse(List.of());
                f.finish();
                out.add(new TemplateDescription(name, params, nodes, e.getValue().line()));
            });
        }
        return out;
    }

    /**
     * Checks every template use of the file (in the stages and inside templates), then that no
     * template uses itself, then the size of the expansion; every problem is recorded.
     */
    static void check(List<TemplateDescription> templates, List<NetworkDescription.StageDescription> stages,
                      YamlNode stagesNode, YamlProblems problems) {
        Map<String, TemplateDescription> byName = new LinkedHashMap<>();
        templates.forEach(t -> byName.put(t.name(), t));
        for (NetworkDescription.StageDescription s : stages) {
            checkUses(s.nodes(), byName, problems);
        }
        for (TemplateDescription t : templates) {
            checkUses(t.nodes(), byName, problems);
        }
        if (!acyclic(byName, problems)) {
            return;
        }
        long limit = InputBounds.NETWORK_NODES.max();
        Map<String, Long> memo = new HashMap<>();
        long total = 0;
        boolean reported = false;
        for (NetworkDescription.StageDescription s : stages) {
            for (NodeDescription n : s.nodes()) {
                long c = count(n, byName, memo);
                if (c > limit && n.form() == Form.TEMPLATE) {
                    problems.add(n.line(), n.id(), "template: '" + n.kind() + "' repeated " + n.repeat()
                            + " times expands to " + countText(c) + " nodes, more than the limit of " + limit);
                    reported = true;
                }
                total = Math.min(total + c, SATURATED);
            }
        }
        if (total > limit && !reported) {
            int line = stagesNode == null ? 0 : stagesNode.line();
            problems.add(line, "stages", "the network expands to " + countText(total)
                    + " nodes, more than the limit of " + limit);
        }
    }

    private static String countText(long c) {
        return c >= SATURATED ? "more than " + SATURATED : Long.toString(c);
    }

    private static void checkUses(List<NodeDescription> nodes, Map<String, TemplateDescription> byName,
                                  YamlProblems problems) {
        for (NodeDescription n : nodes) {
            if (n.form() == Form.TEMPLATE) {
                TemplateDescription t = byName.get(n.kind());
                if (t == null) {
                    problems.add(n.line(), n.id(), "template: unknown template '" + n.kind() + "'; "
                            + (byName.isEmpty() ? "the file defines none under templates:"
                            : "defined: " + String.join(", ", byName.keySet())));
                    continue;
                }
                for (String p : t.params()) {
                    if (!n.params().containsKey(p)) {
                        problems.add(n.line(), n.id(), "with: missing argument '" + p + "' of template '" + t.name()
                                + "'");
                    }
                }
                for (String given : n.params().keySet()) {
                    if (!t.params().contains(given)) {
                        problems.add(n.line(), n.id(), "with: '" + given + "' is not a parameter of template '"
                                + t.name() + "'; " + (t.params().isEmpty() ? "it has none"
                                : "its parameters are " + String.join(", ", t.params())));
                    }
                }
            }
            checkUses(n.children(), byName, problems);
        }
    }

    /** Refuses templates that use themselves, directly or through others; true when there are none. */
    private static boolean acyclic(Map<String, TemplateDescription> byName, YamlProblems problems) {
        Map<String, Set<String>> uses = new HashMap<>();
        for (TemplateDescription t : byName.values()) {
            Set<String> u = new LinkedHashSet<>();
            collectUses(t.nodes(), u);
            u.retainAll(byName.keySet());
            uses.put(t.name(), u);
        }
        Set<String> done = new java.util.HashSet<>();
        Set<String> reported = new TreeSet<>();
        boolean ok = true;
        for (String start : byName.keySet()) {
            List<String> path = new ArrayList<>();
            ok &= visit(start, uses, path, done, reported, byName, problems);
        }
        return ok;
    }

    private static boolean visit(String t, Map<String, Set<String>> uses, List<String> path, Set<String> done,
                                 Set<String> reported, Map<String, TemplateDescription> byName,
                                 YamlProblems problems) {
        int at = path.indexOf(t);
        if (at >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
            if (reported.add(new TreeSet<>(cycle).toString())) {
                cycle.add(t);
                problems.add(byName.get(t).line(), "templates." + t, "template '" + t + "' uses itself: "
                        + String.join(" → ", cycle) + "; a template cannot contain itself");
            }
            return false;
        }
        if (done.contains(t)) {
            return true;
        }
        path.add(t);
        boolean ok = true;
        for (String u : uses.get(t)) {
            ok &= visit(u, uses, path, done, reported, byName, problems);
        }
        path.remove(path.size() - 1);
        done.add(t);
        return ok;
    }

    private static void collectUses(List<NodeDescription> nodes, Set<String> out) {
        for (NodeDescription n : nodes) {
            if (n.form() == Form.TEMPLATE) {
                out.add(n.kind());
            }
            collectUses(n.children(), out);
        }
    }

    /** Nodes a description becomes once expanded (saturating); templates must be acyclic. */
    private static long count(NodeDescription n, Map<String, TemplateDescription> byName, Map<String, Long> memo) {
        return switch (n.form()) {
            case OP -> 1;
            case INCLUDE -> included(n, memo);
            case BLOCK -> n.repeat();
            case TEMPLATE -> {
                TemplateDescription t = byName.get(n.kind());
                if (t == null) {
                    yield 0;
                }
                Long per = memo.get(t.name());
                if (per == null) {
                    per = countAll(t.nodes(), byName, memo);
                    memo.put(t.name(), per);
                }
                yield times(n.repeat(), per);
            }
            case STEPS -> Math.min(1 + times(n.intParam("steps"), countAll(n.children(), byName, memo)), SATURATED);
            case EXIT, POLICY -> Math.min(1 + countAll(n.children(), byName, memo), SATURATED);
        };
    }

    /**
     * Nodes of an included zoo model (its own templates), so that an include repeated inside
     * steps counts what it expands to; an unknown name counts 1 (the resolver reports it).
     */
    private static long included(NodeDescription n, Map<String, Long> memo) {
        String name = (String) n.params().get("include");
        String until = (String) n.params().get("until");
        String key = "include " + name + " until " + until;
        Long known = memo.get(key);
        if (known != null) {
            return known;
        }
        memo.put(key, 1L); // a zoo model that included itself would count once, not loop
        long c = 1;
        if (NetworkZoo.NAMES.contains(name)) {
            NetworkDescription inc = NetworkZoo.description(name);
            Map<String, TemplateDescription> own = new LinkedHashMap<>();
            inc.templates().forEach(t -> own.put(t.name(), t));
            Map<String, Long> ownMemo = new HashMap<>();
            c = 0;
            for (NetworkDescription.StageDescription st : inc.stages()) {
                for (NodeDescription node : st.nodes()) {
                    c = Math.min(c + count(node, own, ownMemo), SATURATED);
                    if (node.id().equals(until)) {
                        memo.put(key, c);
                        return c;
                    }
                }
            }
        }
        memo.put(key, c);
        return c;
    }

    private static long countAll(List<NodeDescription> nodes, Map<String, TemplateDescription> byName,
                                 Map<String, Long> memo) {
        long sum = 0;
        for (NodeDescription c : nodes) {
            sum = Math.min(sum + count(c, byName, memo), SATURATED);
        }
        return sum;
    }

    private static long times(long a, long b) {
        return b != 0 && a > SATURATED / b ? SATURATED : a * b;
    }

    /**
     * The template's nodes with a use's arguments in place of every {@code $name}, each value
     * checked as its key requires; empty after recording a problem.
     *
     * @param args the use's arguments (text, already bound when the use is itself inside a template)
     * @param line the use's line
     * @param useId the use's id, for messages
     */
    static Optional<List<NodeDescription>> bind(TemplateDescription t, Map<String, Object> args, int line,
                                                String useId, YamlProblems problems) {
        boolean[] ok = {true};
        List<NodeDescription> out = new ArrayList<>();
        for (NodeDescription n : t.nodes()) {
            out.add(bindNode(n, args, line, useId, problems, ok));
        }
        return ok[0] ? Optional.of(out) : Optional.empty();
    }

    private static NodeDescription bindNode(NodeDescription n, Map<String, Object> args, int line, String useId,
                                            YamlProblems problems, boolean[] ok) {
        Map<String, Param> schema = schema(n);
        Map<String, Object> params = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : n.params().entrySet()) {
            if (!(e.getValue() instanceof TemplateArg a)) {
                params.put(e.getKey(), e.getValue());
                continue;
            }
            Object text = args.get(a.name());
            String path = useId + ".with." + a.name();
            if (n.form() == Form.TEMPLATE) {
                params.put(e.getKey(), text); // passed on to the inner use, checked where it lands
                continue;
            }
            Param p = schema.get(e.getKey());
            Optional<Object> v = p == null ? Optional.empty() : convert(p, String.valueOf(text), line, path, problems);
            if (v.isEmpty()) {
                ok[0] = false;
            } else {
                params.put(e.getKey(), v.get());
            }
        }
        List<NodeDescription> children = new ArrayList<>();
        for (NodeDescription c : n.children()) {
            children.add(bindNode(c, args, line, useId, problems, ok));
        }
        return new NodeDescription(n.id(), n.form(), n.kind(), params, n.inputs(), n.repeat(), n.dynamic(), n.name(),
                children, n.line());
    }

    private static Map<String, Param> schema(NodeDescription n) {
        Optional<NodeKind> kind = switch (n.form()) {
            case OP -> NodeKinds.operator(n.kind());
            case BLOCK -> NodeKinds.block(n.kind());
            default -> Optional.empty();
        };
        Map<String, Param> m = new HashMap<>();
        kind.ifPresent(k -> k.params().forEach(p -> m.put(p.key(), p)));
        return m;
    }

    /** An argument's text as the value {@code p} takes, with the same bounds as a value written in place. */
    private static Optional<Object> convert(Param p, String text, int line, String path, YamlProblems problems) {
        String key = " (for '" + p.key() + "')";
        YamlNode.Scalar scalar = new YamlNode.Scalar(text, false, line, path);
        Optional<Object> v = switch (p.type()) {
            case POSITIVE_INT -> YamlFields.toInteger(scalar, 1, NetworkLoader.MAX_SIZE, problems).map(x -> x);
            case NON_NEGATIVE_INT -> YamlFields.toInteger(scalar, 0, NetworkLoader.MAX_SIZE, problems).map(x -> x);
            case NUMBER -> YamlFields.toNumber(scalar, 0, Double.MAX_VALUE, problems).map(x -> x);
            case BOOL -> text.equals("true") || text.equals("false") ? Optional.of(Boolean.parseBoolean(text))
                    : fail(problems, line, path, "expected true or false, found '" + text + "'" + key);
            case CHOICE -> p.choices().contains(text) ? Optional.of(text)
                    : fail(problems, line, path, "unknown value '" + text + "'" + key + "; expected one of "
                    + String.join(", ", p.choices()));
            case TEXT -> Optional.of(text);
        };
        return v;
    }

    private static Optional<Object> fail(YamlProblems problems, int line, String path, String message) {
        problems.add(line, path, message);
        return Optional.empty();
    }
}
