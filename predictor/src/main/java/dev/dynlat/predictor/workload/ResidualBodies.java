package dev.dynlat.predictor.workload;

import dev.dynlat.operators.lowering.BodyPlan;
import dev.dynlat.operators.lowering.ConvLabels;
import dev.dynlat.operators.lowering.MapShape;
import dev.dynlat.operators.lowering.PointwiseLayer;
import dev.dynlat.operators.lowering.Shortcut;
import dev.dynlat.operators.spec.ActivationFunction;
import dev.dynlat.operators.spec.Conv2dSpec;
import dev.dynlat.operators.yaml.YamlFields;
import dev.dynlat.operators.yaml.YamlNode;
import dev.dynlat.operators.yaml.YamlProblems;
import dev.dynlat.predictor.workload.NodeDescription.Form;
import dev.dynlat.predictor.workload.Shape.FeatureMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code residual} block kind: a body that is any chain of convolutions and per-position
 * layers (layer norm, per-channel scale, activations, one SE), added to an identity or 1×1
 * projection shortcut. It resolves to a {@link ResidualBlock} with a {@link BodyPlan}, so the core
 * lowering ({@code ResidualLowering}) lowers it as it lowers the zoo's blocks. Keys ({@code src/docs/networks.md}):
 * {@code body}, {@code shortcut} (auto, identity, projection), {@code masker} (input or a body
 * layer id), {@code gather} (a body conv id) and {@code channel_mask} (a body conv id).
 */
final class ResidualBodies {
    static final String KIND = "residual";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_\\-]*");
    /** The operator kinds a body may hold besides activations. */
    private static final List<String> LAYERS = List.of("conv", "layer-norm", "scale", "se");

    private ResidualBodies() {
    }

    static NodeKind kind() {
        return new Kind(KIND, Form.BLOCK, List.of(
                Param.choice("shortcut", "auto", List.of("auto", "identity", "projection")),
                Param.text("masker", "input"), Param.text("gather", null), Param.text("channel_mask", null)),
                1, 1, ResidualBodies::resolve);
    }

    private static boolean allowed(String kind) {
        return LAYERS.contains(kind) || OperatorKinds.ACTIVATIONS.contains(kind);
    }

    /** Reads a body's layers: {@code {id, op, …op keys}}; ids default to the op kind and its count. */
    /** {@code args}: the enclosing template's parameters, null outside templates. */
    static List<NodeDescription> read(YamlNode.Sequence seq, Set<String> args, YamlProblems problems) {
        if (seq.items().isEmpty()) {
            problems.add(seq, "expected at least two convs in a residual body");
        }
        List<NodeDescription> out = new ArrayList<>();
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (YamlNode item : seq.items()) {
            Optional<YamlFields> of = YamlFields.of(item, problems);
            if (of.isEmpty()) {
                continue;
            }
            YamlFields f = of.get();
            String op = f.string("op", true).orElse(null);
            Optional<String> given = f.string("id", false);
            if (op == null) {
                f.finish();
                continue;
            }
            Optional<NodeKind> kind = NodeKinds.operator(op).filter(k -> allowed(k.name()));
            if (kind.isEmpty()) {
                List<String> valid = new ArrayList<>(LAYERS);
                valid.addAll(OperatorKinds.ACTIVATIONS);
                problems.add(f.node().entries().get("op"), "'" + op + "' cannot be a layer of a residual body;"
                        + " expected one of " + String.join(", ", valid));
                f.node().entries().keySet().forEach(f::has);
                continue;
            }
            int n = counts.merge(op, 1, Integer::sum);
            String id = given.orElse(op + n);
            if (!ID.matcher(id).matches()) {
                problems.add(f.node().entries().get("id"), "id: '" + id + "' is not a valid layer id (letters, digits,"
                        + " '_', '-')");
            }
            Integer first = seen.putIfAbsent(id, item.line());
            if (first != null) {
                problems.add(item, "id: '" + id + "' is used twice in this body (first at line " + first + ")");
            }
            Map<String, Object> params = new LinkedHashMap<>();
            NetworkLoader.readParams(f, kind.get(), params, args, problems);
            f.finish();
            out.add(new NodeDescription(id, Form.OP, op, params, List.of(), 1, true, null, List.of(), item.line()));
        }
        return out;
    }

    /** The layers resolved one after the other, then the block's plan; null after recording problems. */
    private static NetworkNode resolve(ResolveContext c, Params p, List<Shape> in) {
        FeatureMap input = c.map(in.get(0), KIND);
        if (input == null) {
            return null;
        }
        List<Conv2dSpec> convs = new ArrayList<>();
        List<String> convIds = new ArrayList<>();
        List<String> convNames = new ArrayList<>();
        List<PointwiseLayer> pointwise = new ArrayList<>();
        // Where each layer's output lives: {slot, conv index or -1}; its map, for the masker.
        Map<String, Integer> slotOf = new HashMap<>();
        Map<String, FeatureMap> mapOf = new HashMap<>();
        int seAfter = -1;
        int seSqueeze = 0;
        FeatureMap cur = input;
        for (NodeDescription layer : p.body()) {
            Layer sub = new Layer(c, layer);
            NodeKind kind = NodeKinds.operator(layer.kind()).orElseThrow();
            Map<String, Param> schema = new LinkedHashMap<>();
            kind.params().forEach(x -> schema.put(x.key(), x));
            NetworkNode n = kind.resolve(sub, new Params(layer.params(), schema), List.of(cur));
            if (n == null) {
                return null;
            }
            int slot = convs.size();
            switch (layer.kind()) {
                case "conv" -> {
                    Conv2dSpec conv = (Conv2dSpec) ((OperatorNode) n).uses().at(1).get(0).spec();
                    convs.add(conv);
                    convIds.add(layer.id());
                    convNames.add(ConvLabels.named(layer.id(), conv));
                    slot = convs.size();
                }
                case "se" -> {
                    if (seAfter >= 0 || convs.isEmpty()) {
                        sub.problem(seAfter >= 0 ? "a residual body holds at most one se"
                                : "an se needs a conv before it in the body");
                        return null;
                    }
                    seAfter = convs.size() - 1;
                    seSqueeze = layer.intParam("squeeze");
                }
                case "layer-norm" -> pointwise.add(new PointwiseLayer(layer.id(), PointwiseLayer.Op.NORM, null, slot));
                case "scale" -> pointwise.add(new PointwiseLayer(layer.id(), PointwiseLayer.Op.SCALE, null, slot));
                default -> pointwise.add(new PointwiseLayer(layer.id(), PointwiseLayer.Op.ACTIVATION,
                        ActivationFunction.parse(layer.kind()), slot));
            }
            cur = (FeatureMap) n.output();
            slotOf.put(layer.id(), slot);
            mapOf.put(layer.id(), cur);
        }
        if (convs.size() < 2) {
            c.problem("body: a residual block needs at least two convs, got " + convs.size());
            return null;
        }
        Shortcut shortcut = shortcut(c, p.text("shortcut"), input, cur);
        int gatherAt = convIndex(c, "gather", p.text("gather"), convIds, defaultGather(convs));
        int maskFrom = convIndex(c, "channel_mask", p.text("channel_mask"), convIds, 0);
        if (shortcut == null || gatherAt < 0 || maskFrom < 0) {
            return null;
        }
        int stride = convs.stream().mapToInt(Conv2dSpec::stride).reduce(1, (a, x) -> a * x);
        // A 1x1 conv of stride s keeps ceil(side / s) pixels of each side (an odd side rounds up).
        int projectedHeight = (input.height() - 1) / stride + 1;
        int projectedWidth = (input.width() - 1) / stride + 1;
        if (shortcut == Shortcut.PROJECTION && (projectedHeight != cur.height() || projectedWidth != cur.width())) {
            c.problem("shortcut: a 1x1/" + stride + " projection of the " + input.describe() + " input gives "
                    + projectedHeight + "x" + projectedWidth + " pixels, the body gives "
                    + cur.height() + "x" + cur.width() + " (use padding kernel/2 in the body's convs)");
            return null;
        }
        if (maskFrom == convs.size() - 1) {
            c.problem("channel_mask: '" + p.text("channel_mask") + "' is the last conv; the mask must start at a conv"
                    + " with a conv after it to read the kept channels");
            return null;
        }
        String reads = p.text("masker");
        FeatureMap maskerInput = input;
        if (!"input".equals(reads)) {
            Integer slot = slotOf.get(reads);
            if (slot == null) {
                c.problem("masker: '" + reads + "' is not a layer of the body; expected input or one of "
                        + String.join(", ", slotOf.keySet().stream().sorted().toList()));
                return null;
            }
            if (slot > gatherAt) {
                c.problem("masker: '" + reads + "' comes after the gather point (before conv '" + convIds.get(gatherAt)
                        + "'); the mask must be known before patches gather");
                return null;
            }
            maskerInput = mapOf.get(reads);
        }
        Conv2dSpec first = convs.get(0);
        boolean fused = "input".equals(reads) && gatherAt == 1 && pointwise.stream().noneMatch(x -> x.slot() == 0)
                && first.kernel() == 1 && first.groups() == 1 && first.stride() == 1;
        BodyPlan plan = new BodyPlan(convNames, pointwise, gatherAt, fused, reads,
                new MapShape(maskerInput.channels(), maskerInput.height(), maskerInput.width()), maskFrom);
        ResidualBlock b = new ResidualBlock(c.id(), convs, seAfter, seSqueeze, shortcut, plan);
        return new ResidualBlockNode(c.kind(), b, cur, c.dynamic());
    }

    /** Patches gather before the first conv that needs neighbours (the first when none does). */
    private static int defaultGather(List<Conv2dSpec> convs) {
        for (int i = 0; i < convs.size(); i++) {
            if (convs.get(i).kernel() > 1) {
                return i;
            }
        }
        return 0;
    }

    private static int convIndex(ResolveContext c, String key, String id, List<String> convIds, int dflt) {
        if (id == null) {
            return dflt;
        }
        int i = convIds.indexOf(id);
        if (i < 0) {
            c.problem(key + ": '" + id + "' is not a conv of the body; expected one of " + String.join(", ", convIds));
        }
        return i;
    }

    private static Shortcut shortcut(ResolveContext c, String text, FeatureMap in, FeatureMap out) {
        boolean same = in.equals(out);
        return switch (text) {
            case "identity" -> {
                if (!same) {
                    c.problem("shortcut: identity cannot add the " + in.describe() + " input to the " + out.describe()
                            + " body output; use projection (or auto)");
                    yield null;
                }
                yield Shortcut.IDENTITY;
            }
            case "projection" -> Shortcut.PROJECTION;
            default -> same ? Shortcut.IDENTITY : Shortcut.PROJECTION;
        };
    }

    /** A body layer as a node kind sees it: problems are the block's, prefixed with the layer. */
    private record Layer(ResolveContext block, NodeDescription layer) implements ResolveContext {
        @Override
        public String id() {
            return block.id() + "." + layer.id();
        }

        @Override
        public String kind() {
            return layer.kind();
        }

        @Override
        public String displayName() {
            return layer.id();
        }

        @Override
        public void problem(String message) {
            block.problem("body." + layer.id() + " (line " + layer.line() + "): " + message);
        }

        @Override
        public boolean dynamic() {
            return block.dynamic();
        }
    }
}
