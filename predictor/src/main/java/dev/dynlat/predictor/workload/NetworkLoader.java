package dev.dynlat.predictor.workload;

import dev.dynlat.operators.yaml.YamlFields;
import dev.dynlat.operators.yaml.YamlNode;
import dev.dynlat.operators.yaml.YamlParser;
import dev.dynlat.operators.yaml.YamlProblems;
import dev.dynlat.predictor.workload.NodeDescription.Form;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads network files ({@code src/docs/networks.md}): every problem of a file is reported at
 * once as {@code file:line path: message} (unknown keys, kinds and ids, bad values), then the
 * description is resolved to check shapes, channels and sizes.
 */
public final class NetworkLoader {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.\\-]*");
    /** The largest size (channels, pixels, kernel) a network file may state. */
    public static final int MAX_SIZE = 1 << 16;
    /** The most copies one {@code repeat} makes. */
    static final int MAX_REPEAT = 10_000;

    private NetworkLoader() {
    }

    /** Loads and resolves a network file at its own input size (or a square {@code inputSize} if positive). */
    public static Network load(Path file, int inputSize) {
        return load("--model", file, inputSize);
    }

    /** As {@link #load(Path, int)}; {@code option} names the file in messages about an unusable file. */
    public static Network load(String option, Path file, int inputSize) {
        return load(option, file, InputShape.Size.ofSide(inputSize));
    }

    /** Loads and resolves a network file at its own input, or resized to {@code size} when not null. */
    public static Network load(String option, Path file, InputShape.Size size) {
        NetworkDescription d = describe(YamlParser.parse(option, file), file.toString());
        return NetworkResolver.resolve(d, size == null ? d.input() : d.input().resized(size), file.toString());
    }

    /** Parses network YAML text; {@code source} names it in messages. */
    public static NetworkDescription parse(String yaml, String source) {
        return describe(YamlParser.parse(yaml, source), source);
    }

    private static NetworkDescription describe(YamlNode root, String source) {
        YamlProblems problems = new YamlProblems(source);
        NetworkDescription d = read(root, problems);
        problems.throwIfAny();
        return d;
    }

    private static NetworkDescription read(YamlNode root, YamlProblems problems) {
        Optional<YamlFields> top = YamlFields.of(root, problems);
        if (top.isEmpty()) {
            return null;
        }
        YamlFields f = top.get();
        String name = f.string("network", true).orElse("network");
        InputShape inputShape = f.mapping("input", true).map(in -> input(in, problems))
                .orElse(InputShape.Image.square(3, 224));
        int classes = f.integer("classes", false, 1, Integer.MAX_VALUE).orElse(0);
        String src = f.string("source", false).orElse("");
        List<TemplateDescription> templates = f.node("templates", false)
                .map(n -> Templates.read(n, problems)).orElse(List.of());
        List<NetworkDescription.StageDescription> stages = new ArrayList<>();
        f.sequence("stages", true).ifPresent(seq -> {
            if (seq.items().isEmpty()) {
                problems.add(seq, "a network needs at least one stage");
            }
            for (YamlNode item : seq.items()) {
                YamlFields.of(item, problems).ifPresent(sf -> {
                    String stage = sf.string("stage", true).orElse("?");
                    List<NodeDescription> nodes = sf.sequence("nodes", true).map(s -> nodes(s, null, problems))
                            .orElse(List.of());
                    sf.finish();
                    stages.add(new NetworkDescription.StageDescription(stage, nodes, item.line()));
                });
            }
        });
        f.finish();
        Templates.check(templates, stages, f.node().entries().get("stages"), problems);
        return new NetworkDescription(name, inputShape, classes, src, stages, templates);
    }

    /**
     * {@code {channels, size}}, {@code {channels, height, width}} or {@code {tokens, width}}:
     * exactly one of the three forms, channels 3 when not given.
     */
    private static InputShape input(YamlFields in, YamlProblems problems) {
        boolean tokens = in.has("tokens");
        boolean size = in.has("size");
        boolean height = in.has("height");
        InputShape out;
        if (tokens) {
            int t = in.integer("tokens", true, 1, MAX_SIZE).orElse(1);
            int w = in.integer("width", true, 1, MAX_SIZE).orElse(1);
            if (size || height || in.has("channels")) {
                problems.add(in.node(), "input: a token input takes tokens and width only (no channels, size or height)");
                in.has("channels");
                in.has("size");
                in.has("height");
            }
            out = new InputShape.Tokens(t, w);
        } else {
            int channels = in.integer("channels", false, 1, MAX_SIZE).orElse(3);
            if (size && (height || in.has("width"))) {
                problems.add(in.node(), "input: give size (a square image) or height and width, not both");
                in.has("height");
                in.has("width");
            }
            if (size || !(height || in.has("width"))) {
                int s = in.integer("size", true, 1, MAX_SIZE).orElse(224);
                out = InputShape.Image.square(channels, s);
            } else {
                int h = in.integer("height", true, 1, MAX_SIZE).orElse(1);
                int w = in.integer("width", true, 1, MAX_SIZE).orElse(1);
                out = new InputShape.Image(channels, h, w);
            }
        }
        in.finish();
        return out;
    }

    /**
     * The nodes of a list; {@code args} are the parameters of the template being read, which its
     * nodes' values may reference as {@code $name} (null outside templates).
     */
    static List<NodeDescription> nodes(YamlNode.Sequence seq, Set<String> args, YamlProblems problems) {
        if (seq.items().isEmpty()) {
            problems.add(seq, "expected at least one node");
        }
        List<NodeDescription> out = new ArrayList<>();
        for (YamlNode item : seq.items()) {
            YamlFields.of(item, problems).flatMap(f -> node(f, args, problems)).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<NodeDescription> node(YamlFields f, Set<String> args, YamlProblems problems) {
        YamlNode.Mapping m = f.node();
        String id = f.string("id", true).orElse(null);
        if (id != null && (!ID.matcher(id).matches() || id.equals(NetworkResolver.INPUT))) {
            problems.add(m.entries().get("id"), "id: '" + id + "' is not a valid id (letters, digits, '_', '.', '-';"
                    + " 'input' is reserved)");
        }
        List<Form> forms = new ArrayList<>();
        for (Form form : Form.values()) {
            if (m.entries().containsKey(form.key())) {
                forms.add(form);
            }
        }
        if (forms.size() != 1) {
            problems.add(m, (forms.isEmpty() ? "missing the node's kind" : "more than one kind given " + forms)
                    + ": give exactly one of op, block, exit, steps, policy, include, template");
            return Optional.empty();
        }
        Form form = forms.get(0);
        String name = f.string("name", false).orElse(null);
        List<String> inputs = inputs(f, problems);
        boolean dynamic = f.bool("dynamic", false).orElse(true);
        int repeat = 1;
        Map<String, Object> params = new LinkedHashMap<>();
        List<NodeDescription> children = List.of();
        String kindName;
        switch (form) {
            case OP, BLOCK -> {
                kindName = f.string(form.key(), true).orElse("?");
                Optional<NodeKind> kind = form == Form.OP ? NodeKinds.operator(kindName) : NodeKinds.block(kindName);
                if (kind.isEmpty()) {
                    problems.add(m.entries().get(form.key()), "unknown " + (form == Form.OP ? "operator" : "block")
                            + " kind '" + kindName + "'; expected one of "
                            + String.join(", ", form == Form.OP ? NodeKinds.operatorNames() : NodeKinds.blockNames()));
                    markRest(f, m);
                    return Optional.empty();
                }
                if (form == Form.BLOCK) {
                    repeat = f.integer("repeat", false, 1, MAX_REPEAT).orElse(1);
                    if (ResidualBodies.KIND.equals(kindName)) {
                        children = f.sequence("body", true).map(s -> ResidualBodies.read(s, args, problems))
                                .orElse(List.of());
                    }
                }
                readParams(f, kind.get(), params, args, problems);
            }
            case TEMPLATE -> {
                kindName = f.string("template", true).orElse("?");
                repeat = f.integer("repeat", false, 1, MAX_REPEAT).orElse(1);
                f.mapping("with", false).ifPresent(w -> {
                    for (Map.Entry<String, YamlNode> e : w.node().entries().entrySet()) {
                        w.string(e.getKey(), true).ifPresent(text -> params.put(e.getKey(),
                                argument(text, e.getValue(), args, problems)));
                    }
                });
            }
            case EXIT -> {
                kindName = "exit";
                children = f.sequence("exit", true).map(s -> nodes(s, args, problems)).orElse(List.of());
            }
            case STEPS -> {
                kindName = "steps";
                params.put("steps", f.integer("steps", true, 1, 1000).orElse(1));
                children = f.sequence("nodes", true).map(s -> nodes(s, args, problems)).orElse(List.of());
            }
            case INCLUDE -> {
                kindName = "include";
                f.string("include", true).ifPresent(n -> params.put("include", n));
                f.string("until", false).ifPresent(u -> params.put("until", u));
            }
            default -> {
                kindName = "policy";
                children = f.sequence("policy", true).map(s -> nodes(s, args, problems)).orElse(List.of());
                List<String> decides = new ArrayList<>();
                f.sequence("decides", true).ifPresent(s -> {
                    for (YamlNode n : s.items()) {
                        if (n instanceof YamlNode.Scalar sc && sc.text() != null) {
                            decides.add(sc.text());
                        } else {
                            problems.add(n, "expected a block id, found " + n.kindName());
                        }
                    }
                });
                params.put("decides", List.copyOf(decides));
            }
        }
        f.finish();
        if (id == null) {
            return Optional.empty();
        }
        return Optional.of(new NodeDescription(id, form, kindName, params, inputs, repeat, dynamic, name, children,
                m.line()));
    }

    /** After an unknown kind, its other keys are not reported as unknown too. */
    private static void markRest(YamlFields f, YamlNode.Mapping m) {
        for (String key : m.entries().keySet()) {
            f.has(key);
        }
    }

    private static List<String> inputs(YamlFields f, YamlProblems problems) {
        boolean one = f.has("input");
        boolean many = f.has("inputs");
        if (one && many) {
            problems.add(f.node(), "give input or inputs, not both");
        }
        if (one) {
            return f.string("input", false).map(List::of).orElse(List.of());
        }
        List<String> ids = new ArrayList<>();
        f.sequence("inputs", false).ifPresent(s -> {
            for (YamlNode n : s.items()) {
                if (n instanceof YamlNode.Scalar sc && sc.text() != null) {
                    ids.add(sc.text());
                } else {
                    problems.add(n, "expected a node id, found " + n.kindName());
                }
            }
        });
        return ids;
    }

    /**
     * A template use's argument as written: text, or, inside a template, {@code $name} passing on
     * one of the enclosing template's own parameters.
     */
    private static Object argument(String text, YamlNode at, Set<String> args, YamlProblems problems) {
        if (!text.startsWith("$")) {
            return text;
        }
        String name = text.substring(1);
        if (args == null || !args.contains(name)) {
            problems.add(at, undeclared(name, args));
        }
        return new TemplateArg(name);
    }

    private static String undeclared(String name, Set<String> args) {
        if (args == null) {
            return "'$" + name + "' references a template parameter outside a template";
        }
        return "'$" + name + "' is not a parameter of this template; " + (args.isEmpty()
                ? "it declares none (params: [...])" : "its parameters are " + String.join(", ", new java.util.TreeSet<>(args)));
    }

    /** Reads the kind's parameters; inside a template a value {@code $name} stands for an argument. */
    static void readParams(YamlFields f, NodeKind kind, Map<String, Object> params, Set<String> args,
                           YamlProblems problems) {
        for (Param p : kind.params()) {
            YamlNode raw = f.node().entries().get(p.key());
            if (raw instanceof YamlNode.Scalar sc && sc.text() != null && sc.text().startsWith("$")) {
                f.has(p.key());
                String name = sc.text().substring(1);
                if (args != null && args.contains(name)) {
                    params.put(p.key(), new TemplateArg(name));
                } else {
                    problems.add(raw, p.key() + ": " + undeclared(name, args));
                }
                continue;
            }
            Optional<?> v = switch (p.type()) {
                case POSITIVE_INT -> f.integer(p.key(), p.required(), 1, MAX_SIZE);
                case NON_NEGATIVE_INT -> f.integer(p.key(), p.required(), 0, MAX_SIZE);
                case NUMBER -> f.number(p.key(), p.required(), 0, Double.MAX_VALUE);
                case BOOL -> f.bool(p.key(), p.required());
                case TEXT -> f.string(p.key(), p.required());
                case CHOICE -> f.string(p.key(), p.required()).filter(text -> {
                    if (p.choices().contains(text)) {
                        return true;
                    }
                    problems.add(f.node().entries().get(p.key()), p.key() + ": unknown value '" + text
                            + "'; expected one of " + String.join(", ", p.choices()));
                    return false;
                });
            };
            v.ifPresent(value -> params.put(p.key(), value));
        }
    }
}
