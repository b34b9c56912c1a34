package dev.dynlat.predictor.workload;

import dev.dynlat.operators.lowering.MapOps;
import dev.dynlat.operators.spec.ActivationFunction;
import dev.dynlat.operators.spec.ActivationSpec;
import dev.dynlat.operators.spec.AvgPoolSpec;
import dev.dynlat.operators.spec.BinaryOp;
import dev.dynlat.operators.spec.BroadcastMulSpec;
import dev.dynlat.operators.spec.ConcatSpec;
import dev.dynlat.operators.spec.Conv2dSpec;
import dev.dynlat.operators.spec.CropSpec;
import dev.dynlat.operators.spec.ElementwiseSpec;
import dev.dynlat.operators.spec.EmbeddingSpec;
import dev.dynlat.operators.spec.GruCellSpec;
import dev.dynlat.operators.spec.LinearSpec;
import dev.dynlat.operators.spec.MatmulSpec;
import dev.dynlat.operators.spec.MaxPoolSpec;
import dev.dynlat.operators.spec.NormSpec;
import dev.dynlat.operators.spec.OperatorSpec;
import dev.dynlat.operators.spec.ResizeSpec;
import dev.dynlat.operators.spec.SoftmaxSpec;
import dev.dynlat.operators.spec.SqueezeExcitationSpec;
import dev.dynlat.operators.spec.TensorShape;
import dev.dynlat.operators.spec.UnfoldSpec;
import dev.dynlat.predictor.workload.NodeDescription.Form;
import dev.dynlat.predictor.workload.Shape.FeatureMap;
import dev.dynlat.predictor.workload.Shape.Sequence;
import dev.dynlat.predictor.workload.Shape.Vector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The operator kinds of network files ({@code op:}). Operators on feature maps and vectors are
 * specified per sample and costed at the device's batch; operators on token sequences carry the
 * batch in their shapes, as the reference's transformer model does.
 */
final class OperatorKinds {
    private OperatorKinds() {
    }

    static final List<String> ACTIVATIONS = Arrays.stream(ActivationFunction.values())
            .map(ActivationFunction::id).toList();

    static List<NodeKind> all() {
        List<NodeKind> k = new ArrayList<>();
        k.add(op("conv", List.of(Param.positive("out", null), Param.required("kernel"), Param.positive("stride", 1),
                Param.nonNegative("padding", null), Param.positive("groups", 1), Param.flag("depthwise", false),
                activation()), 1, OperatorKinds::conv));
        k.add(op("linear", List.of(Param.required("out"), activation()), 1, OperatorKinds::linear));
        k.add(new Kind("matmul", Form.OP, List.of(Param.positive("heads", 1)), 2, 2, OperatorKinds::matmul));
        k.add(op("max-pool", poolParams(), 1, (c, p, in) -> pool(c, p, in, true)));
        k.add(op("avg-pool", poolParams(), 1, (c, p, in) -> pool(c, p, in, false)));
        k.add(op("global-avg-pool", List.of(), 1, OperatorKinds::globalPool));
        for (ActivationFunction f : ActivationFunction.values()) {
            k.add(op(f.id(), List.of(), 1, (c, p, in) -> activationPass(c, f, in.get(0))));
        }
        k.add(new Kind("add", Form.OP, List.of(), 2, 2, (c, p, in) -> binary(c, BinaryOp.ADD, in)));
        k.add(new Kind("mul", Form.OP, List.of(), 2, 2, (c, p, in) -> binary(c, BinaryOp.MUL, in)));
        k.add(new Kind("concat", Form.OP, List.of(), 2, Integer.MAX_VALUE, OperatorKinds::concat));
        k.add(op("se", List.of(Param.required("squeeze")), 1, OperatorKinds::se));
        k.add(op("layer-norm", List.of(), 1, (c, p, in) -> in.get(0) instanceof FeatureMap m ? mapNorm(c, m)
                : rowwise(c, "layer-norm", in.get(0), true)));
        k.add(op("scale", List.of(), 1, OperatorKinds::scale));
        k.add(op("softmax", List.of(), 1, (c, p, in) -> rowwise(c, "softmax", in.get(0), false)));
        k.add(op("gru", List.of(Param.required("hidden")), 1, OperatorKinds::gru));
        k.add(op("resize", List.of(Param.required("size")), 1, (c, p, in) -> window(c, p, in.get(0), true)));
        k.add(op("crop", List.of(Param.required("size")), 1, (c, p, in) -> window(c, p, in.get(0), false)));
        k.add(op("unfold", List.of(Param.required("kernel"), Param.positive("stride", null),
                Param.nonNegative("padding", 0)), 1, OperatorKinds::unfold));
        k.add(op("flatten", List.of(), 1, OperatorKinds::flatten));
        k.add(op("to-map", List.of(), 1, OperatorKinds::toMap));
        k.add(op("class-token", List.of(), 1, (c, p, in) -> tokens(c, in.get(0), true)));
        k.add(op("select-token", List.of(), 1, (c, p, in) -> tokens(c, in.get(0), false)));
        k.add(op("position-embedding", List.of(), 1, OperatorKinds::positionEmbedding));
        k.add(op("embedding", List.of(Param.required("vocab"), Param.positive("out", null)), 1, OperatorKinds::embedding));
        k.add(op("performer", List.of(Param.required("out")), 1, OperatorKinds::performer));
        k.add(op("view", List.of(Param.positive("channels", null), Param.positive("height", null),
                Param.positive("width", null), Param.positive("features", null), Param.positive("tokens", null),
                Param.positive("dim", null)), 1, OperatorKinds::view));
        k.add(new Kind("pointwise", Form.OP, List.of(Param.choice("fn", "mul", POINTWISE)), 1, 2,
                OperatorKinds::pointwise));
        return k;
    }

    private static Kind op(String name, List<Param> params, int inputs, Kind.Resolver r) {
        return new Kind(name, Form.OP, params, inputs, inputs, r);
    }

    /** Pointwise functions without a fused form (ONNX's arithmetic with a constant, normalisations in inference). */
    static final List<String> POINTWISE = List.of("add", "sub", "mul", "div", "pow", "sqrt", "exp", "erf", "tanh",
            "neg", "abs", "reciprocal", "max", "min", "where", "batch-norm", "instance-norm", "leaky-relu", "elu",
            "softplus", "floor", "ceil", "compare", "clip");

    static Param activation() {
        return Param.choice("act", null, ACTIVATIONS);
    }

    private static List<Param> poolParams() {
        return List.of(Param.required("kernel"), Param.positive("stride", null), Param.nonNegative("padding", 0));
    }

    /** A node of one operator whose spec does not depend on the batch. */
    static OperatorNode single(ResolveContext c, Shape out, Role role, OperatorSpec spec, double weights) {
        OperatorUse use = OperatorUse.once(c.displayName(), role, spec);
        List<OperatorUse> uses = List.of(use);
        return new OperatorNode(c.id(), c.kind(), out, b -> uses, spec.macsPerSample(), weights);
    }

    /** A node of one operator whose shape carries the batch. */
    static OperatorNode folded(ResolveContext c, Shape out, double macs, double weights,
                               java.util.function.LongFunction<OperatorSpec> spec) {
        String name = c.displayName();
        return new OperatorNode(c.id(), c.kind(), out, b -> List.of(OperatorUse.folded(name, Role.OTHER, spec.apply(b), 1)),
                macs, weights);
    }

    /** A node that moves no data (a view). */
    static OperatorNode free(ResolveContext c, Shape out) {
        return new OperatorNode(c.id(), c.kind(), out, b -> List.of(), 0, 0);
    }

    /** PyTorch's output size of a window op; a problem and -1 when none fits. */
    static int outSize(ResolveContext c, String what, int in, int kernel, int stride, int padding) {
        int out = Math.floorDiv(in + 2 * padding - kernel, stride) + 1;
        if (out < 1) {
            c.problem(what + " kernel " + kernel + " with stride " + stride + " and padding " + padding
                    + " leaves no output pixel of a " + in + "-pixel side");
            return -1;
        }
        return out;
    }

    private static NetworkNode conv(ResolveContext c, Params p, List<Shape> in) {
        FeatureMap m = c.map(in.get(0), "conv");
        if (m == null) {
            return null;
        }
        int k = p.integer("kernel");
        int s = p.integer("stride");
        int pad = p.integer("padding", k / 2);
        boolean dw = p.flag("depthwise");
        if (!p.has("out") && !dw) {
            c.problem("out: missing required key 'out' (only a depthwise conv may omit it)");
            return null;
        }
        int out = p.has("out") ? p.integer("out") : m.channels();
        int groups = dw ? m.channels() : p.integer("groups");
        if (dw && p.has("groups")) {
            c.problem("groups: give either depthwise: true or groups, not both");
            return null;
        }
        if (m.channels() % groups != 0 || out % groups != 0) {
            c.problem("groups: " + groups + " does not divide the " + m.channels() + " input and " + out
                    + " output channels");
            return null;
        }
        int oh = outSize(c, "conv", m.height(), k, s, pad);
        int ow = outSize(c, "conv", m.width(), k, s, pad);
        if (oh < 1 || ow < 1) {
            return null;
        }
        Conv2dSpec spec = Conv2dSpec.padded(m.channels(), out, m.height(), m.width(), k, s, pad, groups);
        return single(c, new FeatureMap(out, oh, ow), Role.DENSE, spec,
                (double) out * (m.channels() / groups) * k * k);
    }

    private static NetworkNode linear(ResolveContext c, Params p, List<Shape> in) {
        int out = p.integer("out");
        if (in.get(0) instanceof Vector v) {
            return single(c, new Vector(out), Role.DENSE, new LinearSpec(v.features(), out), (double) v.features() * out);
        }
        if (in.get(0) instanceof Sequence s) {
            return folded(c, new Sequence(s.tokens(), out), (double) s.tokens() * s.dim() * out, (double) s.dim() * out,
                    b -> new MatmulSpec(b * s.tokens(), s.dim(), out));
        }
        c.problem("linear needs a vector or a sequence as input, got a feature map " + in.get(0).describe()
                + "; add a global-avg-pool or flatten first");
        return null;
    }

    private static NetworkNode matmul(ResolveContext c, Params p, List<Shape> in) {
        if (!(in.get(0) instanceof Sequence a) || !(in.get(1) instanceof Sequence b2)) {
            c.problem("matmul needs two sequences, got " + in.get(0).kindName() + " and " + in.get(1).kindName());
            return null;
        }
        // With heads h, both operands stack h independent matrices along their rows: (h·L)×K by (h·K)×N.
        int h = p.integer("heads");
        if (a.tokens() % h != 0 || b2.tokens() % h != 0 || a.dim() != b2.tokens() / h) {
            c.problem("inputs: cannot multiply " + a.tokens() + "x" + a.dim() + " by " + b2.tokens() + "x" + b2.dim()
                    + (h == 1 ? "" : " as " + h + " heads") + " (inner sizes " + a.dim() + " and " + b2.tokens() / h
                    + " differ)");
            return null;
        }
        // Heads are a batched product: b·h independent (L×K)·(K×N) matrices, each with its own B.
        int rows = a.tokens() / h;
        return folded(c, new Sequence(a.tokens(), b2.dim()), (double) a.tokens() * a.dim() * b2.dim(), 0,
                b -> h == 1 ? new MatmulSpec(b * a.tokens(), a.dim(), b2.dim())
                        : new MatmulSpec(b * h, rows, a.dim(), b2.dim()));
    }

    private static NetworkNode pool(ResolveContext c, Params p, List<Shape> in, boolean max) {
        FeatureMap m = c.map(in.get(0), max ? "max-pool" : "avg-pool");
        if (m == null) {
            return null;
        }
        int k = p.integer("kernel");
        int s = p.integer("stride", k);
        int pad = p.integer("padding");
        int oh = outSize(c, "pool", m.height(), k, s, pad);
        int ow = outSize(c, "pool", m.width(), k, s, pad);
        if (oh < 1 || ow < 1) {
            return null;
        }
        OperatorSpec spec = max ? new MaxPoolSpec(m.channels(), m.height(), m.width(), k, s, pad)
                : new AvgPoolSpec(m.channels(), m.height(), m.width(), oh, ow);
        return single(c, new FeatureMap(m.channels(), oh, ow), Role.DENSE, spec, 0);
    }

    private static NetworkNode globalPool(ResolveContext c, Params p, List<Shape> in) {
        FeatureMap m = c.map(in.get(0), "global-avg-pool");
        if (m == null) {
            return null;
        }
        return single(c, new Vector(m.channels()), Role.DENSE, AvgPoolSpec.global(m.channels(), m.height(), m.width()), 0);
    }

    private static NetworkNode activationPass(ResolveContext c, ActivationFunction f, Shape in) {
        if (in instanceof Sequence s) {
            return folded(c, in, 0, 0, b -> new ActivationSpec(f, TensorShape.of(b, s.tokens(), s.dim())));
        }
        return single(c, in, Role.DENSE, new ActivationSpec(f, perSample(in)), 0);
    }

    /** The tensor view of a per-sample map or vector. */
    private static TensorShape perSample(Shape in) {
        if (in instanceof FeatureMap m) {
            return TensorShape.of(m.channels(), (long) m.height() * m.width());
        }
        return TensorShape.of(1, ((Vector) in).features());
    }

    private static NetworkNode binary(ResolveContext c, BinaryOp op, List<Shape> in) {
        Shape a = in.get(0);
        Shape b = in.get(1);
        if (op == BinaryOp.MUL && a instanceof FeatureMap m && b instanceof Vector v && v.features() == m.channels()) {
            return single(c, a, Role.DENSE, new BroadcastMulSpec(m.channels(), m.height(), m.width()), 0);
        }
        if (!a.equals(b)) {
            c.problem("inputs: cannot " + op.id() + " " + a.kindName() + " " + a.describe() + " and "
                    + b.kindName() + " " + b.describe() + " (shapes differ)");
            return null;
        }
        if (a instanceof Sequence s) {
            return folded(c, a, 0, 0, bt -> new ElementwiseSpec(op, (int) bt, s.tokens(), s.dim()));
        }
        if (a instanceof FeatureMap m) {
            return single(c, a, Role.DENSE, new ElementwiseSpec(op, m.channels(), m.height(), m.width()), 0);
        }
        return single(c, a, Role.DENSE, new ElementwiseSpec(op, ((Vector) a).features(), 1, 1), 0);
    }

    private static NetworkNode concat(ResolveContext c, Params p, List<Shape> in) {
        if (in.stream().allMatch(s -> s instanceof Vector)) {
            // Features of several steps joined for one classifier (GFNet's concatenating linear).
            List<Integer> parts = in.stream().map(s -> ((Vector) s).features()).toList();
            int total = parts.stream().mapToInt(Integer::intValue).sum();
            return single(c, new Vector(total), Role.DENSE, new ConcatSpec(parts, 1, 1), 0);
        }
        List<Integer> channels = new ArrayList<>();
        FeatureMap first = null;
        for (Shape s : in) {
            FeatureMap m = c.map(s, "concat");
            if (m == null) {
                return null;
            }
            if (first != null && (m.height() != first.height() || m.width() != first.width())) {
                c.problem("inputs: cannot concatenate maps of " + first.height() + "x" + first.width() + " and "
                        + m.height() + "x" + m.width() + " pixels");
                return null;
            }
            first = first == null ? m : first;
            channels.add(m.channels());
        }
        int total = channels.stream().mapToInt(Integer::intValue).sum();
        return single(c, new FeatureMap(total, first.height(), first.width()), Role.DENSE,
                new ConcatSpec(channels, first.height(), first.width()), 0);
    }

    private static NetworkNode se(ResolveContext c, Params p, List<Shape> in) {
        FeatureMap m = c.map(in.get(0), "se");
        if (m == null) {
            return null;
        }
        int sq = p.integer("squeeze");
        return single(c, m, Role.DENSE, SqueezeExcitationSpec.dense(m.channels(), m.height(), m.width(), sq),
                2.0 * m.channels() * sq);
    }

    private static NetworkNode rowwise(ResolveContext c, String what, Shape in, boolean norm) {
        if (in instanceof FeatureMap) {
            c.problem(what + " needs a sequence or a vector as input, got a feature map " + in.describe());
            return null;
        }
        int rows = in instanceof Sequence s ? s.tokens() : 1;
        int last = in instanceof Sequence s ? s.dim() : ((Vector) in).features();
        return folded(c, in, 0, norm ? 2.0 * last : 0, b -> norm ? new NormSpec(TensorShape.of(b, rows, last))
                : new SoftmaxSpec(TensorShape.of(b, rows, last)));
    }

    /** ConvNeXt's layer norm on a map: over the channels at each position. */
    private static NetworkNode mapNorm(ResolveContext c, FeatureMap m) {
        return single(c, m, Role.DENSE, MapOps.norm(m.channels(), m.height(), m.width()), 2.0 * m.channels());
    }

    /** A learned factor per channel (a map's channels, a vector's or a sequence's features): layer scale. */
    private static NetworkNode scale(ResolveContext c, Params p, List<Shape> in) {
        Shape s = in.get(0);
        if (s instanceof FeatureMap m) {
            return single(c, m, Role.DENSE, MapOps.scale(m.channels(), m.height(), m.width()), m.channels());
        }
        if (s instanceof Sequence q) {
            return folded(c, q, 0, q.dim(), b -> MapOps.scale(q.dim(), 1, Math.toIntExact(b * q.tokens())));
        }
        int f = ((Vector) s).features();
        return single(c, s, Role.DENSE, MapOps.scale(f, 1, 1), f);
    }

    private static NetworkNode gru(ResolveContext c, Params p, List<Shape> in) {
        if (!(in.get(0) instanceof Vector v)) {
            c.problem("gru needs a vector as input, got " + in.get(0).kindName() + " " + in.get(0).describe());
            return null;
        }
        int h = p.integer("hidden");
        GruCellSpec spec = new GruCellSpec(v.features(), h);
        return single(c, new Vector(h), Role.DENSE, spec, spec.macsPerSample());
    }

    private static NetworkNode window(ResolveContext c, Params p, Shape in, boolean resize) {
        FeatureMap m = c.map(in, resize ? "resize" : "crop");
        if (m == null) {
            return null;
        }
        int size = p.integer("size");
        if (!resize && (size > m.height() || size > m.width())) {
            c.problem("size: a " + size + "x" + size + " crop does not fit a " + m.height() + "x" + m.width() + " map");
            return null;
        }
        OperatorSpec spec = resize ? new ResizeSpec(m.channels(), m.height(), m.width(), size, size)
                : new CropSpec(m.channels(), m.height(), m.width(), size, size);
        return single(c, new FeatureMap(m.channels(), size, size), Role.DENSE, spec, 0);
    }

    private static NetworkNode unfold(ResolveContext c, Params p, List<Shape> in) {
        FeatureMap m = c.map(in.get(0), "unfold");
        if (m == null) {
            return null;
        }
        int k = p.integer("kernel");
        int s = p.integer("stride", k);
        int pad = p.integer("padding");
        int oh = outSize(c, "unfold", m.height(), k, s, pad);
        int ow = outSize(c, "unfold", m.width(), k, s, pad);
        if (oh < 1 || ow < 1) {
            return null;
        }
        int tokens = oh * ow;
        int dim = m.channels() * k * k;
        long inElems = m.elements();
        return folded(c, new Sequence(tokens, dim), 0, 0, b -> new UnfoldSpec(b * inElems, b * tokens * dim));
    }

    private static NetworkNode flatten(ResolveContext c, Params p, List<Shape> in) {
        long n = in.get(0).elements();
        if (n > Integer.MAX_VALUE) {
            c.problem("flatten: " + n + " features are too many");
            return null;
        }
        return free(c, new Vector((int) n));
    }

    /**
     * A view: the input's elements (all, or a leading part for a slice or split) read as another
     * shape; costs nothing, as a reshape, transpose or narrow does in the frameworks.
     */
    private static NetworkNode view(ResolveContext c, Params p, List<Shape> in) {
        Shape out;
        if (p.has("features") && !p.has("tokens") && !p.has("channels")) {
            out = new Vector(p.integer("features"));
        } else if (p.has("tokens") && p.has("dim") && !p.has("channels") && !p.has("features")) {
            out = new Sequence(p.integer("tokens"), p.integer("dim"));
        } else if (p.has("channels") && p.has("height") && p.has("width") && !p.has("tokens") && !p.has("features")) {
            out = new FeatureMap(p.integer("channels"), p.integer("height"), p.integer("width"));
        } else {
            c.problem("view needs channels, height and width (a map), features (a vector) or tokens and dim"
                    + " (a sequence)");
            return null;
        }
        if (out.elements() > in.get(0).elements()) {
            c.problem("view: " + out.describe() + " has more elements than its input " + in.get(0).describe());
            return null;
        }
        return free(c, out);
    }

    /** One elementwise pass over the first input (with a second operand of its shape, or a broadcast constant). */
    private static NetworkNode pointwise(ResolveContext c, Params p, List<Shape> in) {
        Shape a = in.get(0);
        if (in.size() == 2 && !in.get(1).equals(a)) {
            c.problem("inputs: cannot combine " + a.describe() + " and " + in.get(1).describe() + " (shapes differ)");
            return null;
        }
        // A constant operand (bias, scale, exponent) is charged as a full second read: an upper bound
        // that is exact for two tensors and small for broadcast constants, which caches hold.
        if (a instanceof Sequence s) {
            return folded(c, a, 0, 0, bt -> new ElementwiseSpec(BinaryOp.ADD, (int) bt, s.tokens(), s.dim()));
        }
        if (a instanceof FeatureMap m) {
            return single(c, a, Role.DENSE, new ElementwiseSpec(BinaryOp.ADD, m.channels(), m.height(), m.width()), 0);
        }
        return single(c, a, Role.DENSE, new ElementwiseSpec(BinaryOp.ADD, ((Vector) a).features(), 1, 1), 0);
    }

    private static NetworkNode toMap(ResolveContext c, Params p, List<Shape> in) {
        if (!(in.get(0) instanceof Sequence s)) {
            c.problem("to-map needs a sequence as input, got " + in.get(0).kindName());
            return null;
        }
        int side = (int) Math.round(Math.sqrt(s.tokens()));
        if (side * side != s.tokens()) {
            c.problem("to-map: " + s.tokens() + " tokens do not form a square map");
            return null;
        }
        return free(c, new FeatureMap(s.dim(), side, side));
    }

    private static NetworkNode tokens(ResolveContext c, Shape in, boolean prepend) {
        if (!(in instanceof Sequence s)) {
            c.problem((prepend ? "class-token" : "select-token") + " needs a sequence as input, got " + in.kindName());
            return null;
        }
        return free(c, new Sequence(prepend ? s.tokens() + 1 : 1, s.dim()));
    }

    private static NetworkNode positionEmbedding(ResolveContext c, Params p, List<Shape> in) {
        if (!(in.get(0) instanceof Sequence s)) {
            c.problem("position-embedding needs a sequence as input, got " + in.get(0).kindName());
            return null;
        }
        return folded(c, s, 0, (double) s.tokens() * s.dim(),
                b -> ElementwiseSpec.ofShape(TensorShape.of(b, s.tokens(), s.dim())));
    }

    /**
     * A token embedding: the sequence of token ids (a token input) to vectors of {@code out}
     * features (default: the input's width), looked up in a {@code vocab × out} table.
     */
    private static NetworkNode embedding(ResolveContext c, Params p, List<Shape> in) {
        if (!(in.get(0) instanceof Sequence s)) {
            c.problem("embedding needs a token sequence as input (input: {tokens: N, width: D}), got "
                    + in.get(0).kindName() + " " + in.get(0).describe());
            return null;
        }
        int vocab = p.integer("vocab");
        int width = p.has("out") ? p.integer("out") : s.dim();
        return folded(c, new Sequence(s.tokens(), width), 0, (double) vocab * width,
                b -> new EmbeddingSpec(b * s.tokens(), width, vocab));
    }

    private static NetworkNode performer(ResolveContext c, Params p, List<Shape> in) {
        if (!(in.get(0) instanceof Sequence s)) {
            c.problem("performer needs a sequence as input, got " + in.get(0).kindName());
            return null;
        }
        int out = p.integer("out");
        double l = s.tokens();
        double m = out / 2;
        double macs = l * s.dim() * 3 * out + 2 * l * out * m + l * m + 2 * l * out * m + l * out * out
                + 2 * l * out * out;
        double weights = 3.0 * s.dim() * out + out * m + 3.0 * out * out;
        String prefix = c.id() + " ";
        return new OperatorNode(c.id(), c.kind(), new Sequence(s.tokens(), out),
                b -> TransformerParts.performer(prefix, b, s.tokens(), s.dim(), out), macs, weights);
    }
}
