package dev.dynlat.predictor.workload;

import dev.dynlat.operators.yaml.YamlProblems;
import dev.dynlat.predictor.workload.NodeDescription.Form;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Infers every shape of a {@link NetworkDescription} at one input size and builds the
 * {@link Network}: expands repeated blocks and steps, connects inputs by id, and records every
 * problem (dangling ids, shape mismatches, impossible sizes) rather than stopping at the first.
 */
public final class NetworkResolver {
    /** The id that names the network input. */
    public static final String INPUT = "input";

    private final YamlProblems problems;
    private final Map<String, Shape> shapes = new HashMap<>();
    private final Map<String, Integer> lines = new HashMap<>();
    private final Set<String> blockIds = new LinkedHashSet<>();
    /** Blocks without a residual shortcut (dense layers, transitions, MBConv without an add). */
    private final Set<String> shortcutless = new java.util.HashSet<>();
    private final Map<String, List<String>> repeatGroups = new HashMap<>();
    private final List<PendingPolicy> policies = new ArrayList<>();
    private final Set<String> including = new java.util.HashSet<>();
    private Shape current;
    private int exits;
    /** The templates of the file whose nodes are being expanded (an included zoo file has its own). */
    private List<TemplateDescription> templates = List.of();

    private record PendingPolicy(NodeDescription description, String id) {
    }

    private NetworkResolver(YamlProblems problems) {
        this.problems = problems;
    }

    /**
     * Resolves {@code d} at an input side of {@code inputSize} pixels.
     *
     * @throws dev.dynlat.operators.yaml.YamlException listing every problem
     */
    public static Network resolve(NetworkDescription d, int inputSize, String source) {
        YamlProblems problems = new YamlProblems(source);
        Network n = new NetworkResolver(problems).run(d, inputSize);
        problems.throwIfAny();
        return n;
    }

    private Network run(NetworkDescription d, int inputSize) {
        templates = d.templates();
        current = new Shape.FeatureMap(d.inputChannels(), inputSize, inputSize);
        shapes.put(INPUT, current);
        List<Network.NetworkStage> stages = new ArrayList<>();
        for (NetworkDescription.StageDescription st : d.stages()) {
            List<NetworkNode> nodes = new ArrayList<>();
            for (NodeDescription nd : st.nodes()) {
                nodes.addAll(expand(nd, "", Map.of()));
            }
            stages.add(new Network.NetworkStage(st.name(), nodes));
        }
        List<Network.NetworkStage> withPolicies = checkPolicies(stages);
        return new Network(d.name(), d, inputSize, withPolicies);
    }

    /** Resolves one description into nodes (several for repeats and steps). */
    private List<NetworkNode> expand(NodeDescription nd, String prefix, Map<String, String> renames) {
        String id = prefix + nd.id();
        return switch (nd.form()) {
            case OP, BLOCK -> repeated(nd, id, renames);
            case EXIT -> List.of(exit(nd, id, renames));
            case POLICY -> List.of(policy(nd, id, renames));
            case STEPS -> steps(nd, id, renames);
            case INCLUDE -> include(nd, id, renames);
            case TEMPLATE -> template(nd, id, renames);
        };
    }

    /**
     * A template's nodes, {@code repeat} times: copy k of a one-node template is {@code <id>.<k>}
     * ({@code <id>} when not repeated), node n of a larger one {@code <id>.<k>.<n>}; an input naming
     * a node of the template means that node of the same copy, and {@code <id>} names the last
     * output. Arguments are bound once, for every copy; the use's {@code input} feeds the first node
     * and its {@code dynamic: false} holds for every node.
     */
    private List<NetworkNode> template(NodeDescription nd, String id, Map<String, String> renames) {
        TemplateDescription t = templates.stream().filter(x -> x.name().equals(nd.kind())).findFirst().orElse(null);
        if (t == null) {
            problems.add(nd.line(), id, "template: unknown template '" + nd.kind() + "'");
            return List.of();
        }
        List<NodeDescription> bound = Templates.bind(t, nd.params(), nd.line(), id, problems).orElse(null);
        if (bound == null) {
            return List.of();
        }
        boolean single = bound.size() == 1;
        int blocksBefore = blockIds.size();
        List<NetworkNode> out = new ArrayList<>();
        for (int k = 0; k < nd.repeat(); k++) {
            String copyId = nd.repeat() > 1 ? id + "." + k : id;
            Map<String, String> inner = new HashMap<>(renames);
            for (NodeDescription c : bound) {
                inner.put(c.id(), single ? copyId : copyId + "." + c.id());
            }
            for (int i = 0; i < bound.size(); i++) {
                NodeDescription c = bound.get(i);
                // The use's own input feeds its first node; dynamic: false on the use holds for every node.
                List<String> inputs = k == 0 && i == 0 && c.inputs().isEmpty() ? nd.inputs() : c.inputs();
                NodeDescription copy = new NodeDescription(inner.get(c.id()), c.form(), c.kind(), c.params(), inputs,
                        c.repeat(), c.dynamic() && nd.dynamic(), c.name(), c.children(), c.line());
                out.addAll(expand(copy, "", inner));
            }
        }
        if (!shapes.containsKey(id)) {
            register(id, nd.line());
            shapes.put(id, current);
        }
        repeatGroups.put(id, new ArrayList<>(blockIds).subList(blocksBefore, blockIds.size()));
        return out;
    }

    private List<NetworkNode> repeated(NodeDescription nd, String id, Map<String, String> renames) {
        List<NetworkNode> out = new ArrayList<>();
        List<String> copies = new ArrayList<>();
        for (int i = 0; i < nd.repeat(); i++) {
            String copyId = nd.repeat() > 1 ? id + "." + i : id;
            Map<String, Object> params = new LinkedHashMap<>(nd.params());
            List<NodeDescription> body = nd.children();
            if (i > 0) {
                // Only the first copy of a repeated block changes the shape.
                params.remove("stride");
                body = body.stream().map(NetworkResolver::withoutStride).toList();
            }
            List<String> inputs = i == 0 ? nd.inputs() : List.of();
            NetworkNode n = single(nd, copyId, params, body, inputs, renames);
            copies.add(copyId);
            if (n == null) {
                return out;
            }
            out.add(n);
        }
        if (nd.repeat() > 1) {
            repeatGroups.put(id, copies);
        }
        return out;
    }

    private static NodeDescription withoutStride(NodeDescription layer) {
        Map<String, Object> p = new LinkedHashMap<>(layer.params());
        p.remove("stride");
        return new NodeDescription(layer.id(), layer.form(), layer.kind(), p, layer.inputs(), layer.repeat(),
                layer.dynamic(), layer.name(), layer.children(), layer.line());
    }

    private NetworkNode single(NodeDescription nd, String id, Map<String, Object> params, List<NodeDescription> body,
                               List<String> inputIds, Map<String, String> renames) {
        NodeKind kind = (nd.form() == Form.OP ? NodeKinds.operator(nd.kind()) : NodeKinds.block(nd.kind()))
                .orElseThrow(() -> new IllegalStateException("unknown kind " + nd.kind()));
        if (!register(id, nd.line())) {
            return null;
        }
        List<Shape> in = inputs(nd, id, inputIds, renames);
        if (in == null) {
            return null;
        }
        if (in.size() < kind.minInputs() || in.size() > kind.maxInputs()) {
            String want = kind.minInputs() == kind.maxInputs() ? Integer.toString(kind.minInputs())
                    : kind.minInputs() + " or more";
            problems.add(nd.line(), id, "inputs: " + nd.kind() + " takes " + want + " input"
                    + (kind.minInputs() == 1 && kind.maxInputs() == 1 ? "" : "s") + ", got " + in.size());
            return null;
        }
        Map<String, Param> schema = new LinkedHashMap<>();
        kind.params().forEach(p -> schema.put(p.key(), p));
        Params p = new Params(params, schema, body);
        Context ctx = new Context(id, nd.kind(), nd.name() != null ? nd.name() : derivedName(id, nd.kind(), p),
                nd.line(), nd.dynamic(), problems);
        NetworkNode n = kind.resolve(ctx, p, in);
        if (n == null) {
            return null;
        }
        shapes.put(id, n.output());
        if (nd.form() == Form.BLOCK) {
            blockIds.add(id);
            if (!(n instanceof ResidualBlockNode)) {
                shortcutless.add(id);
            }
        }
        current = n.output();
        return n;
    }

    private boolean register(String id, int line) {
        if (shapes.containsKey(id)) {
            problems.add(line, id, "id: '" + id + "' is used twice (first at line " + lines.getOrDefault(id, 0) + ")");
            return false;
        }
        lines.put(id, line);
        return true;
    }

    private List<Shape> inputs(NodeDescription nd, String id, List<String> ids, Map<String, String> renames) {
        if (ids.isEmpty()) {
            return List.of(current);
        }
        List<Shape> in = new ArrayList<>();
        for (String raw : ids) {
            String ref = renames.getOrDefault(raw, raw);
            Shape s = shapes.get(ref);
            if (s == null) {
                problems.add(nd.line(), id, "input: no node '" + raw + "' before this one"
                        + (ref.equals(raw) ? "" : " (in this step: '" + ref + "')"));
                return null;
            }
            in.add(s);
        }
        return in;
    }

    private static String derivedName(String id, String kind, Params p) {
        return switch (kind) {
            case "conv", "max-pool", "avg-pool" -> {
                int k = p.integer("kernel");
                yield id + " " + k + "x" + k + "/" + p.integer("stride", k == 0 ? 1 : kind.equals("conv") ? 1 : k);
            }
            default -> id;
        };
    }

    private ExitNode exit(NodeDescription nd, String id, Map<String, String> renames) {
        Shape main = current;
        return new ExitNode(id, exits++, main, branch(nd, id, renames));
    }

    private PolicyNode policy(NodeDescription nd, String id, Map<String, String> renames) {
        Shape main = current;
        List<NetworkNode> nodes = branch(nd, id, renames);
        policies.add(new PendingPolicy(nd, id));
        @SuppressWarnings("unchecked")
        List<String> decides = (List<String>) nd.params().getOrDefault("decides", List.of());
        return new PolicyNode(id, main, nodes, decides);
    }

    /**
     * A side branch (exit head, policy network): its nodes, ids prefixed with the parent's id; the
     * main path goes on from where the branch started.
     */
    private List<NetworkNode> branch(NodeDescription nd, String id, Map<String, String> renames) {
        register(id, nd.line());
        Shape main = current;
        List<NetworkNode> nodes = nested(nd, id, renames);
        current = main;
        shapes.put(id, main);
        return nodes;
    }

    private List<NetworkNode> nested(NodeDescription nd, String id, Map<String, String> renames) {
        Map<String, String> inner = new HashMap<>(renames);
        for (NodeDescription c : nd.children()) {
            inner.put(c.id(), id + "." + c.id());
        }
        List<NetworkNode> out = new ArrayList<>();
        for (NodeDescription c : nd.children()) {
            out.addAll(expand(c, id + ".", inner));
        }
        return out;
    }

    private List<NetworkNode> steps(NodeDescription nd, String id, Map<String, String> renames) {
        register(id, nd.line());
        int t = nd.intParam("steps");
        List<NetworkNode> out = new ArrayList<>();
        int blocksBefore = blockIds.size();
        for (int step = 1; step <= t; step++) {
            String prefix = id + "." + step + ".";
            Map<String, String> inner = new HashMap<>(renames);
            for (NodeDescription c : nd.children()) {
                inner.put(c.id(), prefix + c.id());
            }
            for (NodeDescription c : nd.children()) {
                out.addAll(expand(c, prefix, inner));
            }
        }
        // A policy may name the steps node for every block inside it.
        repeatGroups.put(id, new ArrayList<>(blockIds).subList(blocksBefore, blockIds.size()));
        return out;
    }

    /**
     * A zoo network's nodes inlined here, up to and including its top-level node {@code until}
     * (all of them when absent), with ids prefixed by the include's id. The included network's
     * {@code input} is the tensor at the include; the include's id names its last output.
     */
    private List<NetworkNode> include(NodeDescription nd, String id, Map<String, String> renames) {
        register(id, nd.line());
        String name = (String) nd.params().get("include");
        String until = (String) nd.params().get("until");
        if (!including.add(name)) {
            problems.add(nd.line(), id, "include: '" + name + "' includes itself");
            return List.of();
        }
        List<TemplateDescription> outer = templates;
        try {
            NetworkDescription inc;
            try {
                inc = NetworkZoo.description(name);
            } catch (IllegalArgumentException e) {
                problems.add(nd.line(), id, "include: unknown zoo model '" + name + "'; known models: "
                        + String.join(", ", NetworkZoo.NAMES));
                return List.of();
            }
            List<NodeDescription> nodes = new ArrayList<>();
            boolean found = until == null;
            for (NetworkDescription.StageDescription st : inc.stages()) {
                for (NodeDescription c : st.nodes()) {
                    if (!found) {
                        nodes.add(c);
                        found = c.id().equals(until);
                    } else if (until == null) {
                        nodes.add(c);
                    }
                }
            }
            if (!found) {
                problems.add(nd.line(), id, "until: '" + until + "' is not a top-level node of " + name);
                return List.of();
            }
            if (!nd.inputs().isEmpty()) {
                List<Shape> in = inputs(nd, id, nd.inputs(), renames);
                if (in == null) {
                    return List.of();
                }
                if (in.size() != 1) {
                    problems.add(nd.line(), id, "inputs: an include takes 1 input, got " + in.size());
                    return List.of();
                }
                current = in.get(0);
            }
            templates = inc.templates();
            String prefix = id + ".";
            Map<String, String> inner = new HashMap<>();
            inner.put(INPUT, prefix + INPUT);
            shapes.put(prefix + INPUT, current);
            for (NodeDescription c : nodes) {
                inner.put(c.id(), prefix + c.id());
            }
            List<NetworkNode> out = new ArrayList<>();
            for (NodeDescription c : nodes) {
                out.addAll(expand(c, prefix, inner));
            }
            shapes.put(id, current);
            return out;
        } finally {
            including.remove(name);
            templates = outer;
        }
    }

    /** Checks that every id a policy decides is a block (or a repeated block's group). */
    private List<Network.NetworkStage> checkPolicies(List<Network.NetworkStage> stages) {
        Map<String, List<String>> resolvedDecides = new HashMap<>();
        for (PendingPolicy p : policies) {
            @SuppressWarnings("unchecked")
            List<String> decides = (List<String>) p.description().params().getOrDefault("decides", List.of());
            List<String> ids = new ArrayList<>();
            for (String d : decides) {
                if (repeatGroups.containsKey(d)) {
                    ids.addAll(repeatGroups.get(d));
                } else if (blockIds.contains(d)) {
                    ids.add(d);
                } else {
                    problems.add(p.description().line(), p.id(), "decides: '" + d + "' is not a block of this network");
                }
            }
            // A dropped block keeps its shortcut, so only residual blocks can be decided.
            for (String d : ids) {
                if (shortcutless.contains(d)) {
                    problems.add(p.description().line(), p.id(), "decides: '" + d + "' has no residual shortcut, so"
                            + " dropping it would break the network; a policy decides residual blocks only");
                    break;
                }
            }
            resolvedDecides.put(p.id(), ids);
        }
        if (resolvedDecides.isEmpty()) {
            return stages;
        }
        List<Network.NetworkStage> out = new ArrayList<>();
        for (Network.NetworkStage s : stages) {
            List<NetworkNode> nodes = new ArrayList<>();
            for (NetworkNode n : s.nodes()) {
                if (n instanceof PolicyNode pn && resolvedDecides.containsKey(pn.id())) {
                    nodes.add(new PolicyNode(pn.id(), pn.output(), pn.nodes(), resolvedDecides.get(pn.id())));
                } else {
                    nodes.add(n);
                }
            }
            out.add(new Network.NetworkStage(s.name(), nodes));
        }
        return out;
    }

    /** What a node kind sees of the node it resolves; problems go to the file's list. */
    private record Context(String id, String kind, String displayName, int line, boolean dynamic,
                           YamlProblems problems) implements ResolveContext {
        @Override
        public void problem(String message) {
            problems.add(line, id, message);
        }
    }
}
