package dev.dynlat.predictor.workload;

import dev.dynlat.operators.lowering.ConvLabels;
import dev.dynlat.operators.lowering.Shortcut;
import dev.dynlat.operators.spec.AvgPoolSpec;
import dev.dynlat.operators.spec.ConcatSpec;
import dev.dynlat.operators.spec.Conv2dSpec;
import dev.dynlat.operators.spec.SqueezeExcitationSpec;
import dev.dynlat.predictor.workload.NodeDescription.Form;
import dev.dynlat.predictor.workload.Shape.FeatureMap;
import java.util.ArrayList;
import java.util.List;

/**
 * The block kinds of network files ({@code block:}). Residual blocks with a convolutional body
 * become {@link ResidualBlockNode}s, which the dynamic paradigms address; the others are fixed
 * groups of operators.
 */
final class BlockKinds {
    private BlockKinds() {
    }

    static List<NodeKind> all() {
        List<NodeKind> k = new ArrayList<>();
        k.add(block("bottleneck", List.of(Param.required("width"), Param.required("out"), Param.positive("stride", 1),
                Param.positive("kernel", 3), Param.positive("groups", null), Param.positive("group_width", null),
                Param.nonNegative("se", 0)), BlockKinds::bottleneck));
        k.add(block("basic", List.of(Param.required("out"), Param.positive("stride", 1), Param.positive("kernel", 3),
                Param.choice("shortcut", "projection", List.of("projection", "pad"))), BlockKinds::basic));
        k.add(block("mbconv", List.of(Param.required("out"), Param.required("expand"), Param.positive("kernel", 3),
                Param.positive("stride", 1), Param.nonNegative("se", 0), OperatorKinds.activation()),
                BlockKinds::mbconv));
        k.add(block("dense-layer", List.of(Param.required("growth"), Param.positive("bottleneck", null)),
                BlockKinds::denseLayer));
        k.add(block("transition", List.of(Param.required("out")), BlockKinds::transition));
        k.add(ResidualBodies.kind());
        k.add(block("transformer-encoder", List.of(Param.required("heads"), Param.positive("mlp_ratio", 4),
                Param.choice("norm", "pre", List.of("pre", "post")), Param.flag("causal", false)), BlockKinds::encoder));
        return k;
    }

    private static Kind block(String name, List<Param> params, Kind.Resolver r) {
        return new Kind(name, Form.BLOCK, params, 1, 1, r);
    }

    private static Conv2dSpec conv(int cin, int cout, int h, int w, int k, int s, int groups) {
        return Conv2dSpec.padded(cin, cout, h, w, k, s, k / 2, groups);
    }

    private static boolean stridesFit(ResolveContext c, FeatureMap m, int stride) {
        if (m.height() < stride || m.width() < stride) {
            c.problem("stride: " + stride + " is larger than the " + m.height() + "x" + m.width() + " input map");
            return false;
        }
        return true;
    }

    private static boolean divides(ResolveContext c, String field, int groups, String what, int channels) {
        if (channels % groups != 0) {
            c.problem(field + ": " + groups + " groups do not divide the " + channels + " " + what + " channels");
            return false;
        }
        return true;
    }

    private static NetworkNode bottleneck(ResolveContext c, Params p, List<Shape> in) {
        FeatureMap m = c.map(in.get(0), "bottleneck");
        if (m == null) {
            return null;
        }
        int width = p.integer("width");
        int out = p.integer("out");
        int s = p.integer("stride");
        int k = p.integer("kernel");
        if (p.has("groups") && p.has("group_width")) {
            c.problem("groups: give groups or group_width, not both");
            return null;
        }
        int groups = p.has("group_width") ? width / Math.max(p.integer("group_width"), 1) : p.integer("groups", 1);
        if (p.has("group_width") && width % p.integer("group_width") != 0) {
            c.problem("group_width: " + p.integer("group_width") + " does not divide the width " + width);
            return null;
        }
        if (!stridesFit(c, m, s) || !divides(c, "groups", groups, "width", width)) {
            return null;
        }
        Conv2dSpec c1 = conv(m.channels(), width, m.height(), m.width(), 1, 1, 1);
        Conv2dSpec c2 = conv(width, width, m.height(), m.width(), k, s, groups);
        Conv2dSpec c3 = conv(width, out, c2.outHeight(), c2.outWidth(), 1, 1, 1);
        int se = p.integer("se");
        boolean project = s != 1 || m.channels() != out;
        ResidualBlock b = new ResidualBlock(c.id(), List.of(c1, c2, c3), se > 0 ? 1 : -1, se,
                project ? Shortcut.PROJECTION : Shortcut.IDENTITY);
        return new ResidualBlockNode(c.kind(), b, new FeatureMap(out, c3.outHeight(), c3.outWidth()), c.dynamic());
    }

    private static NetworkNode basic(ResolveContext c, Params p, List<Shape> in) {
        FeatureMap m = c.map(in.get(0), "basic");
        if (m == null) {
            return null;
        }
        int out = p.integer("out");
        int s = p.integer("stride");
        int k = p.integer("kernel");
        if (!stridesFit(c, m, s)) {
            return null;
        }
        Conv2dSpec c1 = conv(m.channels(), out, m.height(), m.width(), k, s, 1);
        Conv2dSpec c2 = conv(out, out, c1.outHeight(), c1.outWidth(), k, 1, 1);
        Shortcut shortcut = s == 1 && m.channels() == out ? Shortcut.IDENTITY
                : "pad".equals(p.text("shortcut")) ? Shortcut.PAD : Shortcut.PROJECTION;
        if (shortcut == Shortcut.PAD && out < m.channels()) {
            c.problem("shortcut: pad cannot reduce " + m.channels() + " channels to " + out);
            return null;
        }
        ResidualBlock b = new ResidualBlock(c.id(), List.of(c1, c2), -1, 0, shortcut);
        return new ResidualBlockNode(c.kind(), b, new FeatureMap(out, c2.outHeight(), c2.outWidth()), c.dynamic());
    }

    private static NetworkNode mbconv(ResolveContext c, Params p, List<Shape> in) {
        FeatureMap m = c.map(in.get(0), "mbconv");
        if (m == null) {
            return null;
        }
        int out = p.integer("out");
        int e = p.integer("expand");
        int k = p.integer("kernel");
        int s = p.integer("stride");
        int se = p.integer("se");
        if (!stridesFit(c, m, s)) {
            return null;
        }
        List<Conv2dSpec> body = new ArrayList<>();
        int h = m.height();
        int w = m.width();
        if (e != m.channels()) {
            body.add(conv(m.channels(), e, h, w, 1, 1, 1));
        }
        Conv2dSpec dw = conv(e, e, h, w, k, s, e);
        int seAt = body.size();
        body.add(dw);
        body.add(conv(e, out, dw.outHeight(), dw.outWidth(), 1, 1, 1));
        FeatureMap output = new FeatureMap(out, dw.outHeight(), dw.outWidth());
        if (s == 1 && m.channels() == out) {
            ResidualBlock b = new ResidualBlock(c.id(), body, se > 0 ? seAt : -1, se, Shortcut.IDENTITY);
            return new ResidualBlockNode(c.kind(), b, output, c.dynamic());
        }
        double macs = body.stream().mapToDouble(Conv2dSpec::macsPerSample).sum() + 2.0 * e * se;
        double weights = body.stream().mapToDouble(ConvLabels::weights).sum() + 2.0 * e * se;
        List<OperatorUse> uses = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            uses.add(OperatorUse.once(ConvLabels.name(i, body.get(i)), Role.CONV, body.get(i)));
            if (i == seAt && se > 0) {
                uses.add(OperatorUse.once("squeeze-excitation", Role.DENSE,
                        SqueezeExcitationSpec.dense(e, dw.outHeight(), dw.outWidth(), se)));
            }
        }
        List<OperatorUse> fixed = List.copyOf(uses);
        return new FixedBlockNode(c.id(), "mbconv", output, b -> fixed, macs, weights);
    }

    private static NetworkNode denseLayer(ResolveContext c, Params p, List<Shape> in) {
        FeatureMap m = c.map(in.get(0), "dense-layer");
        if (m == null) {
            return null;
        }
        int g = p.integer("growth");
        int bn = p.integer("bottleneck", 4 * g);
        Conv2dSpec c1 = conv(m.channels(), bn, m.height(), m.width(), 1, 1, 1);
        Conv2dSpec c2 = conv(bn, g, m.height(), m.width(), 3, 1, 1);
        List<OperatorUse> uses = List.of(
                OperatorUse.once("conv1 1x1", Role.CONV, c1),
                OperatorUse.once("conv2 3x3/1", Role.CONV, c2),
                OperatorUse.once("concat", Role.DENSE, new ConcatSpec(List.of(m.channels(), g), m.height(), m.width())));
        return new FixedBlockNode(c.id(), "dense-layer", new FeatureMap(m.channels() + g, m.height(), m.width()),
                b -> uses, c1.macsPerSample() + c2.macsPerSample(), ConvLabels.weights(c1) + ConvLabels.weights(c2));
    }

    private static NetworkNode transition(ResolveContext c, Params p, List<Shape> in) {
        FeatureMap m = c.map(in.get(0), "transition");
        if (m == null) {
            return null;
        }
        int out = p.integer("out");
        if (m.height() < 2 || m.width() < 2) {
            c.problem("transition: a " + m.height() + "x" + m.width() + " map cannot be pooled 2x2");
            return null;
        }
        Conv2dSpec c1 = conv(m.channels(), out, m.height(), m.width(), 1, 1, 1);
        int oh = m.height() / 2;
        int ow = m.width() / 2;
        List<OperatorUse> uses = List.of(
                OperatorUse.once("conv 1x1", Role.CONV, c1),
                OperatorUse.once("avg-pool 2x2/2", Role.DENSE, new AvgPoolSpec(out, m.height(), m.width(), oh, ow)));
        return new FixedBlockNode(c.id(), "transition", new FeatureMap(out, oh, ow), b -> uses, c1.macsPerSample(),
                ConvLabels.weights(c1));
    }

    private static NetworkNode encoder(ResolveContext c, Params p, List<Shape> in) {
        if (!(in.get(0) instanceof Shape.Sequence s)) {
            c.problem("transformer-encoder needs a sequence as input, got " + in.get(0).kindName() + " "
                    + in.get(0).describe() + "; add an unfold first");
            return null;
        }
        int heads = p.integer("heads");
        if (s.dim() % heads != 0) {
            c.problem("heads: " + heads + " heads do not divide the width " + s.dim());
            return null;
        }
        return new EncoderNode(c.id(), s.tokens(), s.dim(), heads, p.integer("mlp_ratio"), c.dynamic(),
                "post".equals(p.text("norm")), p.flag("causal"));
    }
}
