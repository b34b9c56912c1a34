package dev.dynlat.predictor.importer;

import dev.dynlat.predictor.workload.NodeDescription.Form;
import dev.dynlat.predictor.workload.Shape;
import dev.dynlat.predictor.workload.Shape.FeatureMap;
import dev.dynlat.predictor.workload.Shape.Sequence;
import dev.dynlat.predictor.workload.Shape.Vector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns an {@link OnnxGraph} into dynlat operator drafts: convolutions and linear layers with their
 * folded batch norms, biases and fused activations; decomposed activations and layer norms
 * recognised as one operator; layout changes (reshape, transpose, squeeze, flatten) as free views;
 * shape arithmetic already evaluated as constants by the graph. Each ONNX tensor that depends on
 * the input maps to a dynlat node id and the dynlat shape that node produces; a consumer wanting
 * another shape of the same elements reads it through a {@code view}.
 */
final class OnnxLowering {
    private final OnnxGraph g;
    private final long batch;
    final List<Draft> drafts = new ArrayList<>();
    private final Map<String, Ref> refs = new HashMap<>();
    private final Set<Integer> consumed = new HashSet<>();
    private final Set<String> ids = new HashSet<>();
    private final Map<String, String> viewCache = new HashMap<>();
    /** Outputs of Pad nodes folded into the conv or pool that reads them. */
    private final Set<String> padded = new HashSet<>();
    final Shape inputShape;

    /** A dynlat node's output standing for an ONNX tensor. */
    record Ref(String id, Shape shape) {
    }

    OnnxLowering(OnnxGraph g) {
        this.g = g;
        this.batch = g.inputDims[0];
        ids.add("input");
        long[] d = g.inputDims;
        inputShape = g.tokenIds ? tokenInput(d)
                : g.channelsLast ? new FeatureMap(toInt(d[3], "input"), toInt(d[1], "input"), toInt(d[2], "input"))
                : natural(d, "the input");
        refs.put(g.input, new Ref("input", inputShape));
    }

    /**
     * Token ids as dynlat reads them: a sequence of the embedding's width per token (a network file's
     * {@code input: {tokens, width}}), which the one lookup that reads the ids turns into vectors.
     */
    private Shape tokenInput(long[] dims) {
        long[] p = perSample(dims, "the input");
        if (p.length != 1) {
            throw new ImportException("input: token ids '" + g.input + "' " + Arrays.toString(dims)
                    + " must be [batch, tokens]");
        }
        return new Sequence(toInt(p[0], "input"), toInt(t(embeddingLookup().input(0)).dim(1), "input"));
    }

    /** The Gather that reads the token ids from a [vocab, width] table: the network's one use of them. */
    private OnnxNode embeddingLookup() {
        List<OnnxNode> readers = g.consumersOf(g.input).stream()
                .filter(n -> n.proto().getOutputList().stream().anyMatch(g::isDynamic)).toList();
        if (readers.size() == 1) {
            OnnxNode n = readers.get(0);
            if (isEmbeddingLookup(n)) {
                return n;
            }
        }
        throw new ImportException("input: token ids '" + g.input + "' must be read by one embedding lookup (Gather"
                + " from a [vocab, width] table); they are read by " + String.join(", ",
                        readers.stream().map(n -> n.label() + " (" + n.op() + ")").toList()));
    }

    private boolean isEmbeddingLookup(OnnxNode n) {
        return g.tokenIds && n.op().equals("Gather") && n.inputs().size() == 2 && n.input(1).equals(g.input)
                && !dyn(n.input(0)) && t(n.input(0)).rank() == 2 && n.intAttr("axis", 0) == 0;
    }

    List<Draft> lower() {
        for (OnnxNode n : g.nodes) {
            if (consumed.contains(n.index())) {
                continue;
            }
            boolean producesDynamic = n.proto().getOutputList().stream().anyMatch(g::isDynamic);
            if (producesDynamic) {
                try {
                    lowerNode(n);
                } catch (NullPointerException | IndexOutOfBoundsException | ClassCastException | ArithmeticException e) {
                    // A malformed node (missing weight, wrong attribute type): named, never a stack trace.
                    throw new ImportException(where(n) + ": malformed node (" + e.getClass().getSimpleName() + ")");
                }
            }
        }
        return drafts;
    }

    // ---- shapes -------------------------------------------------------------------------------

    /** The per-sample dims of an ONNX tensor: the batch dimension dropped. */
    private long[] perSample(long[] dims, String what) {
        if (dims.length > 0 && dims[0] == batch) {
            return Arrays.copyOfRange(dims, 1, dims.length);
        }
        if (batch == 1) {
            // A batch-1 export may fold the batch into another axis ([L, D] rather than [1, L, D]).
            return dims;
        }
        throw new ImportException("model: " + what + " " + Arrays.toString(dims) + " does not keep the batch of "
                + batch + " first");
    }

    /** The dynlat shape a tensor of these dims has by default: map (C,H,W), vector, or rows × last. */
    private Shape natural(long[] dims, String what) {
        long[] p = perSample(dims, what);
        return switch (p.length) {
            case 0 -> new Vector(1);
            case 1 -> new Vector(toInt(p[0], what));
            case 3 -> new FeatureMap(toInt(p[0], what), toInt(p[1], what), toInt(p[2], what));
            default -> rows(dims, what);
        };
    }

    /** The tensor as rows of its last axis: a vector when it has one row, else a sequence. */
    private Shape rows(long[] dims, String what) {
        long[] p = perSample(dims, what);
        if (p.length <= 1) {
            return new Vector(toInt(p.length == 0 ? 1 : p[0], what));
        }
        long last = p[p.length - 1];
        return new Sequence(toInt(ShapeRules.product(p, 0, p.length - 1), what), toInt(last, what));
    }

    private FeatureMap map(long[] dims, String what) {
        long[] p = perSample(dims, what);
        if (p.length != 3) {
            throw new ImportException(what + ": needs a 4-d NCHW tensor, got " + Arrays.toString(dims));
        }
        return new FeatureMap(toInt(p[0], what), toInt(p[1], what), toInt(p[2], what));
    }

    private static int toInt(long v, String what) {
        if (v < 1 || v > Integer.MAX_VALUE) {
            throw new ImportException(what + ": dimension " + v + " is out of range");
        }
        return (int) v;
    }

    private static String where(OnnxNode n) {
        return n.label() + " (" + n.op() + ")";
    }

    // ---- drafts and references ----------------------------------------------------------------

    private String freshId(String base) {
        String clean = base.replaceAll("^[/:]+", "").replaceAll("[/:]+", ".").replaceAll("[^A-Za-z0-9_.\\-]", "_");
        if (clean.isEmpty() || !Character.isLetter(clean.charAt(0))) {
            clean = "n" + clean;
        }
        String id = clean;
        for (int k = 2; !ids.add(id); k++) {
            id = clean + "_" + k;
        }
        return id;
    }

    private Draft draft(OnnxNode n, Form form, String kind, Shape in, Shape out) {
        Draft d = new Draft(freshId(n.label()), form, kind, in, out);
        drafts.add(d);
        return d;
    }

    private Ref ref(String tensor, OnnxNode n) {
        Ref r = refs.get(tensor);
        if (r == null) {
            throw new ImportException(where(n) + ": input '" + tensor + "' comes from an operator the importer"
                    + " could not map");
        }
        return r;
    }

    /** The id of a node giving {@code tensor} as {@code want}; a free view when the shape differs. */
    private String use(String tensor, Shape want, OnnxNode n) {
        Ref r = ref(tensor, n);
        if (r.shape().equals(want)) {
            return r.id();
        }
        if (want.elements() > r.shape().elements()) {
            throw new ImportException(where(n) + ": cannot read " + r.shape().describe() + " as " + want.describe());
        }
        String key = r.id() + "|" + want;
        String cached = viewCache.get(key);
        if (cached != null) {
            return cached;
        }
        Draft v = new Draft(freshId(r.id() + "_view"), Form.OP, "view", r.shape(), want);
        viewParams(v, want);
        v.inputs.add(r.id());
        insertAfterSource(v, r.id());
        viewCache.put(key, v.id);
        return v.id;
    }

    private static void viewParams(Draft v, Shape s) {
        if (s instanceof FeatureMap m) {
            v.params.put("channels", m.channels());
            v.params.put("height", m.height());
            v.params.put("width", m.width());
        } else if (s instanceof Vector f) {
            v.params.put("features", f.features());
        } else if (s instanceof Sequence q) {
            v.params.put("tokens", q.tokens());
            v.params.put("dim", q.dim());
        }
    }

    /**
     * Places a view right after the node it reads: the consumer asking for it may already be in the
     * list, and a view costs nothing wherever it stands.
     */
    private void insertAfterSource(Draft view, String source) {
        int at = 0;
        for (int i = drafts.size() - 1; i >= 0; i--) {
            if (drafts.get(i).id.equals(source)) {
                at = i + 1;
                break;
            }
        }
        drafts.add(at, view);
    }

    /** A view of part of {@code tensor}'s elements (slice, split, token select) as {@code out}'s natural shape. */
    private void partView(String tensor, String out, OnnxNode n) {
        Ref r = ref(tensor, n);
        Shape want = natural(g.tensor(out).dims(), where(n));
        if (want.elements() == r.shape().elements()) {
            refs.put(out, r);
            return;
        }
        Draft v = new Draft(freshId(n.label()), Form.OP, "view", r.shape(), want);
        viewParams(v, want);
        v.inputs.add(r.id());
        drafts.add(v);
        refs.put(out, new Ref(v.id, want));
    }

    private Tensor t(String name) {
        return g.tensor(name);
    }

    private boolean dyn(String name) {
        return !name.isEmpty() && g.isDynamic(name);
    }

    // ---- dispatch -----------------------------------------------------------------------------

    private void lowerNode(OnnxNode n) {
        if (tryPatterns(n)) {
            return;
        }
        switch (n.op()) {
            case "Conv" -> conv(n);
            case "ConvTranspose" -> convTranspose(n);
            case "Gemm" -> linear(n, n.intAttr("transB", 0) != 0 ? t(n.input(1)).dim(0) : t(n.input(1)).dim(1));
            case "MatMul" -> matmul(n);
            case "MaxPool", "AveragePool" -> pool(n);
            case "GlobalAveragePool", "GlobalMaxPool" -> globalPool(n);
            case "ReduceMean", "ReduceSum", "ReduceMax" -> reduce(n);
            case "Identity", "Cast", "Dropout", "Flatten", "Reshape", "Squeeze", "Unsqueeze", "Transpose" ->
                    alias(n);
            case "Expand" -> expand(n);
            case "Split" -> {
                for (String out : n.proto().getOutputList()) {
                    partView(n.input(0), out, n);
                }
            }
            case "Slice" -> partView(n.input(0), n.output(0), n);
            case "Gather" -> gather(n);
            case "Pad" -> pad(n);
            case "Concat" -> concat(n);
            case "Softmax", "LogSoftmax" -> rowwise(n, "softmax");
            case "LayerNormalization" -> rowwise(n, "layer-norm");
            case "Resize", "Upsample" -> resize(n);
            case "Add", "Sub", "Mul", "Div", "Pow", "Max", "Min", "Equal", "Less", "Greater", "Where" -> binary(n);
            default -> unary(n);
        }
    }

    private boolean tryPatterns(OnnxNode n) {
        for (String x : n.inputs()) {
            if (!dyn(x)) {
                continue;
            }
            Patterns.Match norm = Patterns.layerNorm(g, x);
            if (norm != null && norm.nodes().contains(n)) {
                emitStandalone(n, "layer-norm", x, norm, true);
                return true;
            }
            Patterns.Match act = Patterns.activation(g, x);
            if (act != null && act.nodes().contains(n)) {
                emitStandalone(n, act.kind(), x, act, false);
                return true;
            }
        }
        return false;
    }

    private void emitStandalone(OnnxNode n, String kind, String x, Patterns.Match m, boolean rowwise) {
        m.nodes().forEach(c -> consumed.add(c.index()));
        Ref r = ref(x, n);
        Shape shape = rowwise ? rows(t(x).dims(), where(n)) : r.shape();
        String in = use(x, shape, n);
        Draft d = draft(n, Form.OP, kind, shape, shape);
        d.inputs.add(in);
        refs.put(m.output(), new Ref(d.id, shape));
    }

    /**
     * Folds what follows a conv or linear layer into it: batch norm, a per-channel constant affine
     * (bias, scale), then an activation, as long as each intermediate has that one consumer.
     */
    private String foldEpilogue(Draft d, String tensor, long channels, boolean fuseActivation) {
        String t = tensor;
        while (true) {
            OnnxNode c = g.soleConsumer(t);
            if (c == null) {
                break;
            }
            boolean affine = (c.op().equals("Add") || c.op().equals("Mul") || c.op().equals("Sub")
                    || c.op().equals("Div")) && c.inputs().size() == 2 && Patterns.perChannelConstant(g, c, t, channels);
            if (c.op().equals("BatchNormalization") || affine) {
                consumed.add(c.index());
                t = c.output(0);
                continue;
            }
            break;
        }
        Patterns.Match act = fuseActivation ? Patterns.activation(g, t) : null;
        if (act != null && act.exclusive()) {
            act.nodes().forEach(c -> consumed.add(c.index()));
            d.params.put("act", act.kind());
            t = act.output();
        }
        return t;
    }

    // ---- operators ----------------------------------------------------------------------------

    /** The symmetric padding that gives dynlat's (PyTorch's) output size {@code out} from {@code in}. */
    private static int padding(OnnxNode n, int in, long out, int k, int s) {
        for (int p = 0; p <= k + s; p++) {
            if (Math.floorDiv(in + 2 * p - k, s) + 1 == out) {
                return p;
            }
        }
        throw new ImportException(where(n) + ": no symmetric padding of a " + k + "x" + k + "/" + s
                + " window turns " + in + " pixels into " + out);
    }

    private int[] window(OnnxNode n, FeatureMap in, long[] outDims, long[] kernel) {
        long[] strides = n.intsAttr("strides");
        int s = strides == null || strides.length == 0 ? 1 : (int) strides[0];
        if (kernel.length != 2 || kernel[0] != kernel[1]) {
            throw new ImportException(where(n) + ": kernel " + Arrays.toString(kernel)
                    + " is not square; dynlat's convolutions and pools take k×k kernels");
        }
        if (strides != null && strides.length == 2 && strides[0] != strides[1]) {
            throw new ImportException(where(n) + ": strides " + Arrays.toString(strides) + " differ per axis");
        }
        int k = (int) kernel[0];
        int ph = padding(n, in.height(), outDims[2], k, s);
        int pw = padding(n, in.width(), outDims[3], k, s);
        if (ph != pw) {
            // Both sides must come out right with one padding; prefer the one that fits both.
            if (Math.floorDiv(in.height() + 2 * pw - k, s) + 1 == outDims[2]) {
                ph = pw;
            } else {
                throw new ImportException(where(n) + ": the two axes need different paddings (" + ph + ", " + pw + ")");
            }
        }
        return new int[] {k, s, ph};
    }

    private void conv(OnnxNode n) {
        Tensor w = t(n.input(1));
        if (w.rank() != 4) {
            throw new ImportException(where(n) + ": only 2-d convolutions are supported, weight " + w.describe());
        }
        FeatureMap in = windowInput(n);
        long[] outDims = t(n.output(0)).dims();
        int[] win = window(n, in, outDims, Arrays.copyOfRange(w.dims(), 2, 4));
        int groups = (int) n.intAttr("group", 1);
        int out = (int) w.dim(0);
        if (in.height() == 1 && in.width() == 1 && win[0] == 1 && win[2] == 0 && groups == 1) {
            // A 1×1 conv on a pooled 1×1 map is a fully connected layer (SE gates, efficient heads).
            linear(n, out);
            return;
        }
        FeatureMap o = new FeatureMap(out, (int) outDims[2], (int) outDims[3]);
        Draft d = draft(n, Form.OP, "conv", in, o);
        d.inputs.add(use(n.input(0), in, n));
        putConvParams(d, out, win, groups, in.channels());
        refs.put(foldEpilogue(d, n.output(0), out, true), new Ref(d.id, o));
    }

    private static void putConvParams(Draft d, int out, int[] win, int groups, int inChannels) {
        d.params.put("out", out);
        d.params.put("kernel", win[0]);
        d.params.put("stride", win[1]);
        d.params.put("padding", win[2]);
        if (groups > 1 && groups == inChannels && groups == out) {
            d.params.put("depthwise", true);
        } else if (groups > 1) {
            d.params.put("groups", groups);
        }
    }

    /**
     * The map a conv or pool reads: its input tensor's, or, behind a folded Pad, the unpadded map
     * (the padding moves into the window).
     */
    private FeatureMap windowInput(OnnxNode n) {
        if (padded.contains(n.input(0)) && ref(n.input(0), n).shape() instanceof FeatureMap m) {
            return m;
        }
        return map(t(n.input(0)).dims(), where(n));
    }

    /**
     * A transposed convolution as frameworks run it: a GEMM that multiplies every input pixel by
     * the C_out·k² kernel columns (a 1×1 conv with exactly the layer's MACs), then col2im, which
     * scatters the columns onto the larger output grid (a resize pass over the output).
     */
    private void convTranspose(OnnxNode n) {
        Tensor w = t(n.input(1));
        FeatureMap in = map(t(n.input(0)).dims(), where(n));
        long[] outDims = t(n.output(0)).dims();
        if (w.rank() != 4 || w.dim(2) != w.dim(3) || outDims[2] != outDims[3]) {
            throw new ImportException(where(n) + ": only square 2-d transposed convolutions with square outputs are"
                    + " supported, weight " + w.describe() + ", output " + Arrays.toString(outDims));
        }
        int groups = (int) n.intAttr("group", 1);
        int k = (int) w.dim(2);
        int outC = (int) (w.dim(1) * groups);
        FeatureMap cols = new FeatureMap(outC * k * k, in.height(), in.width());
        Draft gemm = draft(n, Form.OP, "conv", in, cols);
        gemm.inputs.add(use(n.input(0), in, n));
        putConvParams(gemm, outC * k * k, new int[] {1, 1, 0}, groups, in.channels());
        refs.put(n.output(0) + "#cols", new Ref(gemm.id, cols));
        String spread = use(n.output(0) + "#cols", new FeatureMap(outC, in.height() * k, in.width() * k), n);
        FeatureMap o = new FeatureMap(outC, (int) outDims[2], (int) outDims[3]);
        Draft col2im = new Draft(freshId(gemm.id + "_col2im"), Form.OP, "resize",
                new FeatureMap(outC, in.height() * k, in.width() * k), o);
        col2im.params.put("size", (int) outDims[2]);
        col2im.inputs.add(spread);
        drafts.add(col2im);
        // A resize pass has no epilogue to fuse an activation into; only bias and batch norm fold.
        refs.put(foldEpilogue(col2im, n.output(0), outC, false), new Ref(col2im.id, o));
    }

    private void linear(OnnxNode n, long outFeatures) {
        if (n.op().equals("Gemm") && n.intAttr("transA", 0) != 0) {
            throw new ImportException(where(n) + ": a transposed activation input (transA) is not supported");
        }
        Shape in = n.op().equals("Conv") ? new Vector(toInt(t(n.input(0)).dim(1), where(n)))
                : rows(t(n.input(0)).dims(), where(n));
        int out = toInt(outFeatures, where(n));
        Shape o = in instanceof Sequence s ? new Sequence(s.tokens(), out) : new Vector(out);
        Draft d = draft(n, Form.OP, "linear", in, o);
        d.inputs.add(use(n.input(0), in, n));
        d.params.put("out", out);
        refs.put(foldEpilogue(d, n.output(0), out, true), new Ref(d.id, o));
    }

    private void matmul(OnnxNode n) {
        Tensor a = t(n.input(0));
        Tensor b = t(n.input(1));
        if (!dyn(n.input(1))) {
            if (b.rank() != 2) {
                throw new ImportException(where(n) + ": a constant right operand must be a matrix, got " + b.describe());
            }
            linear(n, b.dim(1));
            return;
        }
        if (!dyn(n.input(0)) || a.rank() < 2 || b.rank() < 2) {
            throw new ImportException(where(n) + ": a constant left operand or a vector operand is not supported");
        }
        long[] ap = perSample(a.dims(), where(n));
        long[] bp = perSample(b.dims(), where(n));
        if (ap.length != bp.length || !Arrays.equals(Arrays.copyOf(ap, ap.length - 2), Arrays.copyOf(bp, bp.length - 2))) {
            throw new ImportException(where(n) + ": operands " + a.describe() + " and " + b.describe()
                    + " must stack the same number of matrices");
        }
        int heads = toInt(ShapeRules.product(ap, 0, ap.length - 2), where(n));
        int l = toInt(ap[ap.length - 2], where(n));
        int k = toInt(ap[ap.length - 1], where(n));
        int cols = toInt(bp[bp.length - 1], where(n));
        Sequence sa = new Sequence(heads * l, k);
        Sequence sb = new Sequence(heads * k, cols);
        Sequence o = new Sequence(heads * l, cols);
        Draft d = draft(n, Form.OP, "matmul", sa, o);
        d.inputs.add(use(n.input(0), sa, n));
        d.inputs.add(use(n.input(1), sb, n));
        if (heads > 1) {
            d.params.put("heads", heads);
        }
        refs.put(n.output(0), new Ref(d.id, o));
    }

    private void pool(OnnxNode n) {
        FeatureMap in = windowInput(n);
        long[] outDims = t(n.output(0)).dims();
        int[] win = window(n, in, outDims, n.intsAttr("kernel_shape"));
        FeatureMap o = new FeatureMap(in.channels(), (int) outDims[2], (int) outDims[3]);
        Draft d = draft(n, Form.OP, n.op().equals("MaxPool") ? "max-pool" : "avg-pool", in, o);
        d.inputs.add(use(n.input(0), in, n));
        d.params.put("kernel", win[0]);
        d.params.put("stride", win[1]);
        d.params.put("padding", win[2]);
        refs.put(n.output(0), new Ref(d.id, o));
    }

    private void globalPool(OnnxNode n) {
        FeatureMap in = map(t(n.input(0)).dims(), where(n));
        Vector o = new Vector(in.channels());
        Draft d = draft(n, Form.OP, "global-avg-pool", in, o);
        d.inputs.add(use(n.input(0), in, n));
        refs.put(n.output(0), new Ref(d.id, o));
    }

    /**
     * A reduction not part of a layer norm: the kept elements as channels of a map whose pixels are
     * the reduced ones, pooled; for a mean over H×W that is exactly global average pooling.
     */
    private void reduce(OnnxNode n) {
        Tensor x = t(n.input(0));
        int[] axes = reduceAxes(n);
        long reduced = 1;
        for (int a : axes) {
            if (a == 0 && x.dim(0) == batch && batch > 1) {
                throw new ImportException(where(n) + ": reducing over the batch is not supported");
            }
            reduced *= x.dims()[a];
        }
        long kept = x.elements() / batch / reduced;
        FeatureMap in = new FeatureMap(toInt(kept, where(n)), toInt(reduced, where(n)), 1);
        Vector o = new Vector(in.channels());
        Draft d = draft(n, Form.OP, "global-avg-pool", in, o);
        d.inputs.add(use(n.input(0), in, n));
        refs.put(n.output(0), new Ref(d.id, o));
    }

    private int[] reduceAxes(OnnxNode n) {
        return ShapeRules.reduceAxes(g.inputsOf(n));
    }

    private ShapeRules.Inputs inputs(OnnxNode n) {
        return g.inputsOf(n);
    }

    private void alias(OnnxNode n) {
        refs.put(n.output(0), ref(n.input(0), n));
    }

    private void expand(OnnxNode n) {
        if (t(n.output(0)).elements() != t(n.input(0)).elements()) {
            throw new ImportException(where(n) + ": expanding a computed tensor " + t(n.input(0)).describe() + " to "
                    + t(n.output(0)).describe() + " is not supported");
        }
        alias(n);
    }

    private void gather(OnnxNode n) {
        if (isEmbeddingLookup(n)) {
            embedding(n);
            return;
        }
        if (dyn(n.input(1))) {
            throw new ImportException(where(n) + ": a lookup by computed indices (an embedding of token ids) is not"
                    + " supported; export the model from its embedded input");
        }
        partView(n.input(0), n.output(0), n);
    }

    /** The token-id lookup: an {@code embedding} of the table's vocabulary, reading the network input. */
    private void embedding(OnnxNode n) {
        Sequence in = (Sequence) inputShape;
        Draft d = draft(n, Form.OP, "embedding", in, in);
        d.inputs.add(use(n.input(1), in, n));
        d.params.put("vocab", toInt(t(n.input(0)).dim(0), where(n)));
        refs.put(n.output(0), new Ref(d.id, in));
    }

    private void pad(OnnxNode n) {
        OnnxNode c = g.soleConsumer(n.output(0));
        long[] pads = ShapeRules.pads(inputs(n));
        int r = t(n.input(0)).rank();
        boolean spatialOnly = r == 4 && pads[0] == 0 && pads[1] == 0 && pads[r] == 0 && pads[r + 1] == 0;
        if (c == null || !spatialOnly || !List.of("Conv", "MaxPool", "AveragePool").contains(c.op())
                || !n.stringAttr("mode", "constant").equals("constant")) {
            throw new ImportException(where(n) + ": only a constant spatial pad that feeds one Conv or pool is"
                    + " supported (it becomes the conv's padding)");
        }
        alias(n);
        padded.add(n.output(0));
    }

    private void concat(OnnxNode n) {
        Tensor o = t(n.output(0));
        int rank = o.rank();
        int axis = (int) n.intAttr("axis", 1);
        axis = axis < 0 ? axis + rank : axis;
        List<String> parts = n.inputs().stream().filter(s -> !s.isEmpty()).toList();
        List<String> dynamicParts = parts.stream().filter(this::dyn).toList();
        if (dynamicParts.size() < parts.size()) {
            // A learned class token prepended to the patch tokens.
            Shape in = rows(t(dynamicParts.get(0)).dims(), where(n));
            if (dynamicParts.size() == 1 && rank == 3 && axis == 1 && in instanceof Sequence s
                    && o.dim(1) == s.tokens() + 1) {
                Sequence out = new Sequence(s.tokens() + 1, s.dim());
                Draft d = draft(n, Form.OP, "class-token", in, out);
                d.inputs.add(use(dynamicParts.get(0), in, n));
                refs.put(n.output(0), new Ref(d.id, out));
                return;
            }
            throw new ImportException(where(n) + ": concatenating constants with computed tensors is supported only"
                    + " for one class token prepended to a sequence");
        }
        if (axis == 0) {
            throw new ImportException(where(n) + ": concatenation over the batch axis is not supported");
        }
        boolean maps = rank == 4 && axis == 1;
        boolean vectors = rank == 2 && axis == 1;
        List<Shape> shapes = new ArrayList<>();
        for (String p : parts) {
            long[] d = t(p).dims();
            if (maps) {
                shapes.add(map(d, where(n)));
            } else if (vectors) {
                shapes.add(new Vector(toInt(d[1], where(n))));
            } else {
                // Any other axis: the parts' leading rows as channels of a one-column map (same bytes copied).
                long lead = ShapeRules.product(d, 1, axis + 1);
                shapes.add(new FeatureMap(toInt(lead, where(n)), toInt(ShapeRules.product(d, axis + 1, d.length),
                        where(n)), 1));
            }
        }
        Shape out;
        if (vectors) {
            out = new Vector(shapes.stream().mapToInt(s -> ((Vector) s).features()).sum());
        } else {
            FeatureMap f = (FeatureMap) shapes.get(0);
            out = new FeatureMap(shapes.stream().mapToInt(s -> ((FeatureMap) s).channels()).sum(), f.height(), f.width());
        }
        Draft d = draft(n, Form.OP, "concat", shapes.get(0), out);
        for (int i = 0; i < parts.size(); i++) {
            d.inputs.add(use(parts.get(i), shapes.get(i), n));
        }
        refs.put(n.output(0), new Ref(d.id, out));
    }

    private void rowwise(OnnxNode n, String kind) {
        Shape in = rows(t(n.input(0)).dims(), where(n));
        Draft d = draft(n, Form.OP, kind, in, in);
        d.inputs.add(use(n.input(0), in, n));
        refs.put(n.output(0), new Ref(d.id, in));
    }

    private void resize(OnnxNode n) {
        FeatureMap in = map(t(n.input(0)).dims(), where(n));
        long[] o = t(n.output(0)).dims();
        if (o[1] != in.channels() || o[2] != o[3]) {
            throw new ImportException(where(n) + ": only a square spatial resize is supported, output "
                    + Arrays.toString(o));
        }
        FeatureMap out = new FeatureMap(in.channels(), (int) o[2], (int) o[3]);
        Draft d = draft(n, Form.OP, "resize", in, out);
        d.inputs.add(use(n.input(0), in, n));
        d.params.put("size", (int) o[2]);
        refs.put(n.output(0), new Ref(d.id, out));
    }

    private void binary(OnnxNode n) {
        List<String> ins = n.inputs().stream().filter(this::dyn).toList();
        long[] outDims = t(n.output(0)).dims();
        List<String> full = ins.stream().filter(s -> Arrays.equals(t(s).dims(), outDims)).toList();
        if (full.isEmpty()) {
            throw new ImportException(where(n) + ": broadcasting computed tensors " + ins.stream()
                    .map(s -> t(s).describe()).toList() + " up to " + Arrays.toString(outDims) + " is not supported");
        }
        String a = full.get(0);
        // Elementwise work reads the tensor as its ONNX dims say (tokens after a flatten-transpose).
        Shape shape = natural(outDims, where(n));
        if (ins.size() == 2 && full.size() == 2) {
            String kind = switch (n.op()) {
                case "Add" -> "add";
                case "Mul" -> "mul";
                default -> "pointwise";
            };
            Draft d = draft(n, Form.OP, kind, shape, shape);
            d.inputs.add(use(a, shape, n));
            d.inputs.add(use(full.get(1), shape, n));
            if (kind.equals("pointwise")) {
                d.params.put("fn", pointwiseName(n.op()));
            }
            refs.put(n.output(0), new Ref(d.id, shape));
            return;
        }
        String other = ins.size() == 2 ? (ins.get(0).equals(a) ? ins.get(1) : ins.get(0)) : null;
        if (other != null && n.op().equals("Mul") && outDims.length == 4 && Patterns.isChannelVector(t(other).dims(),
                outDims)) {
            // A squeeze-excitation gate: a map scaled by one computed value per channel.
            FeatureMap m = map(outDims, where(n));
            Draft d = draft(n, Form.OP, "mul", m, m);
            d.inputs.add(use(a, m, n));
            d.inputs.add(use(other, new Vector(m.channels()), n));
            refs.put(n.output(0), new Ref(d.id, m));
            return;
        }
        Draft d = draft(n, Form.OP, "pointwise", shape, shape);
        d.inputs.add(use(a, shape, n));
        d.params.put("fn", pointwiseName(n.op()));
        refs.put(n.output(0), new Ref(d.id, shape));
    }

    private static String pointwiseName(String op) {
        return switch (op) {
            case "Equal", "Less", "Greater", "Not" -> "compare";
            case "BatchNormalization" -> "batch-norm";
            case "InstanceNormalization" -> "instance-norm";
            case "LeakyRelu" -> "leaky-relu";
            default -> op.toLowerCase(Locale.ROOT);
        };
    }

    private void unary(OnnxNode n) {
        String x = n.input(0);
        Shape shape = natural(t(n.output(0)).dims(), where(n));
        String kind = Patterns.singleActivation(g, n);
        Draft d = draft(n, Form.OP, kind == null ? "pointwise" : kind, shape, shape);
        d.inputs.add(use(x, shape, n));
        if (kind == null) {
            d.params.put("fn", pointwiseName(n.op()));
        }
        refs.put(n.output(0), new Ref(d.id, shape));
    }
}
