package dev.dynlat.predictor.importer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * Output shapes of the ONNX operators the importer supports, as the operator specification defines
 * them for opsets 9 to 21 (where an attribute became an input, both forms are read), and the values
 * of constant results, so that shape arithmetic ({@code Shape → Gather → Concat → Reshape}) is
 * evaluated once the input shape is known. One rule per operator type, found through one map.
 */
final class ShapeRules {
    /** The inputs of one node, in the order the node lists them (null where an optional input is absent). */
    interface Inputs {
        OnnxNode node();

        int opset();

        /** Input {@code i}, or null when absent. */
        Tensor in(int i);

        /** Input {@code i}, which must be a known constant. */
        default Tensor constant(int i, String what) {
            Tensor t = in(i);
            if (t == null || !t.isConstant()) {
                throw new ImportException(node().label() + " (" + node().op() + "): " + what
                        + " must be a constant once the input shape is known");
            }
            return t;
        }

        default ImportException fail(String message) {
            return new ImportException(node().label() + " (" + node().op() + "): " + message);
        }
    }

    @FunctionalInterface
    interface Rule {
        List<Tensor> apply(Inputs c);
    }

    private static final Map<String, Rule> RULES = new HashMap<>();

    static {
        for (String op : List.of("Relu", "Sigmoid", "HardSigmoid", "HardSwish", "Gelu", "Erf", "Tanh", "Sqrt",
                "Exp", "Neg", "Reciprocal", "Abs", "LeakyRelu", "Elu", "Softplus", "Identity", "Cast", "Dropout",
                "Softmax", "LogSoftmax", "Clip", "BatchNormalization", "LayerNormalization", "InstanceNormalization",
                "Floor", "Ceil", "Not")) {
            RULES.put(op, ShapeRules::unary);
        }
        RULES.put("Add", c -> binary(c, Double::sum));
        RULES.put("Sub", c -> binary(c, (a, b) -> a - b));
        RULES.put("Mul", c -> binary(c, (a, b) -> a * b));
        RULES.put("Div", c -> binary(c, ShapeRules::divide));
        RULES.put("Pow", c -> binary(c, Math::pow));
        RULES.put("Equal", c -> binary(c, (a, b) -> a == b ? 1 : 0));
        RULES.put("Less", c -> binary(c, (a, b) -> a < b ? 1 : 0));
        RULES.put("Greater", c -> binary(c, (a, b) -> a > b ? 1 : 0));
        RULES.put("Max", c -> binary(c, Math::max));
        RULES.put("Min", c -> binary(c, Math::min));
        RULES.put("Where", ShapeRules::where);
        RULES.put("Conv", ShapeRules::conv);
        RULES.put("ConvTranspose", ShapeRules::convTranspose);
        RULES.put("MaxPool", ShapeRules::pool);
        RULES.put("AveragePool", ShapeRules::pool);
        RULES.put("GlobalAveragePool", ShapeRules::globalPool);
        RULES.put("GlobalMaxPool", ShapeRules::globalPool);
        RULES.put("ReduceMean", ShapeRules::reduce);
        RULES.put("ReduceSum", ShapeRules::reduce);
        RULES.put("ReduceMax", ShapeRules::reduce);
        RULES.put("Flatten", ShapeRules::flatten);
        RULES.put("Reshape", ShapeRules::reshape);
        RULES.put("Squeeze", ShapeRules::squeeze);
        RULES.put("Unsqueeze", ShapeRules::unsqueeze);
        RULES.put("Transpose", ShapeRules::transpose);
        RULES.put("Concat", ShapeRules::concat);
        RULES.put("Split", ShapeRules::split);
        RULES.put("Slice", ShapeRules::slice);
        RULES.put("Pad", ShapeRules::pad);
        RULES.put("Gemm", ShapeRules::gemm);
        RULES.put("MatMul", ShapeRules::matmul);
        RULES.put("Resize", ShapeRules::resize);
        RULES.put("Upsample", ShapeRules::resize);
        RULES.put("Constant", ShapeRules::constantNode);
        RULES.put("Shape", ShapeRules::shape);
        RULES.put("Gather", ShapeRules::gather);
        RULES.put("ConstantOfShape", ShapeRules::constantOfShape);
        RULES.put("Expand", ShapeRules::expand);
        RULES.put("Range", ShapeRules::range);
    }

    private ShapeRules() {
    }

    static boolean supports(String op) {
        return RULES.containsKey(op);
    }

    static List<Tensor> apply(Inputs c) {
        return RULES.get(c.node().op()).apply(c);
    }

    private static double divide(double a, double b) {
        return a == Math.rint(a) && b == Math.rint(b) && b != 0 ? Math.floorDiv((long) a, (long) b) : a / b;
    }

    private static List<Tensor> unary(Inputs c) {
        Tensor x = c.in(0);
        DoubleUnaryOperator f = switch (c.node().op()) {
            case "Identity", "Cast", "Dropout" -> v -> v;
            case "Neg" -> v -> -v;
            case "Sqrt" -> Math::sqrt;
            case "Floor" -> Math::floor;
            case "Ceil" -> Math::ceil;
            default -> null;
        };
        if (x.isConstant() && f != null) {
            return List.of(Tensor.constant(x.dims(), Arrays.stream(x.values()).map(f).toArray()));
        }
        return List.of(Tensor.of(x.dims()));
    }

    /** Numpy broadcasting of two shapes. */
    static long[] broadcast(Inputs c, long[] a, long[] b) {
        int r = Math.max(a.length, b.length);
        long[] out = new long[r];
        for (int i = 0; i < r; i++) {
            long da = i < r - a.length ? 1 : a[i - (r - a.length)];
            long db = i < r - b.length ? 1 : b[i - (r - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw c.fail("cannot broadcast " + Arrays.toString(a) + " with " + Arrays.toString(b));
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    private static List<Tensor> binary(Inputs c, DoubleBinaryOperator f) {
        Tensor a = c.in(0);
        Tensor b = c.in(1);
        long[] dims = broadcast(c, a.dims(), b.dims());
        if (a.isConstant() && b.isConstant() && product(dims, 0, dims.length) <= Tensor.MAX_VALUES) {
            return List.of(Tensor.constant(dims, broadcastValues(dims, a, b, f)));
        }
        return List.of(Tensor.of(dims));
    }

    private static double[] broadcastValues(long[] dims, Tensor a, Tensor b, DoubleBinaryOperator f) {
        int n = (int) product(dims, 0, dims.length);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = f.applyAsDouble(a.values()[sourceIndex(i, dims, a.dims())], b.values()[sourceIndex(i, dims, b.dims())]);
        }
        return v;
    }

    /** The element of a broadcast operand that lands at flat index {@code i} of the result. */
    private static int sourceIndex(int i, long[] out, long[] in) {
        int idx = 0;
        int stride = 1;
        int rem = i;
        for (int k = out.length - 1; k >= 0; k--) {
            int coord = (int) (rem % out[k]);
            rem /= (int) out[k];
            int ik = k - (out.length - in.length);
            if (ik >= 0) {
                if (in[ik] != 1) {
                    idx += coord * stride;
                }
                stride *= (int) in[ik];
            }
        }
        return idx;
    }

    private static List<Tensor> where(Inputs c) {
        Tensor cond = c.in(0);
        Tensor a = c.in(1);
        Tensor b = c.in(2);
        long[] dims = broadcast(c, broadcast(c, cond.dims(), a.dims()), b.dims());
        if (cond.isConstant() && a.isConstant() && b.isConstant() && product(dims, 0, dims.length) <= Tensor.MAX_VALUES) {
            double[] v = new double[(int) product(dims, 0, dims.length)];
            for (int i = 0; i < v.length; i++) {
                v[i] = cond.values()[sourceIndex(i, dims, cond.dims())] != 0 ? a.values()[sourceIndex(i, dims, a.dims())]
                        : b.values()[sourceIndex(i, dims, b.dims())];
            }
            return List.of(Tensor.constant(dims, v));
        }
        return List.of(Tensor.of(dims));
    }

    /** The product of {@code dims[from..to)}; a hostile file's sizes that overflow a long are refused. */
    static long product(long[] dims, int from, int to) {
        long p = 1;
        for (int i = from; i < to; i++) {
            try {
                p = Math.multiplyExact(p, dims[i]);
            } catch (ArithmeticException e) {
                throw new ImportException("model: a tensor of " + Arrays.toString(dims) + " has too many elements");
            }
        }
        return p;
    }

    /** Spatial window geometry of Conv and pools: kernel, strides, pads (begin… end…), dilations. */
    record Window(long[] kernel, long[] strides, long[] pads, long[] dilations, boolean ceil) {
        long out(int axis, long in) {
            long span = dilations[axis] * (kernel[axis] - 1) + 1;
            long padded = in + pads[axis] + pads[axis + kernel.length] - span;
            if (padded < 0) {
                return 0;
            }
            long o = ceil ? Math.floorDiv(padded + strides[axis] - 1, strides[axis]) + 1 : padded / strides[axis] + 1;
            // ONNX (as PyTorch) drops a last ceil-mode window that would start in the end padding.
            if (ceil && (o - 1) * strides[axis] >= in + pads[axis]) {
                o--;
            }
            return o;
        }
    }

    static Window window(Inputs c, long[] kernel, long[] inDims) {
        OnnxNode n = c.node();
        int k = kernel.length;
        long[] strides = or(n.intsAttr("strides"), k, 1);
        long[] dil = or(n.intsAttr("dilations"), k, 1);
        long[] pads = or(n.intsAttr("pads"), 2 * k, 0);
        String auto = n.stringAttr("auto_pad", "NOTSET");
        if (auto.startsWith("SAME")) {
            pads = new long[2 * k];
            for (int i = 0; i < k; i++) {
                long in = inDims[2 + i];
                long out = Math.floorDiv(in + strides[i] - 1, strides[i]);
                long total = Math.max(0, (out - 1) * strides[i] + dil[i] * (kernel[i] - 1) + 1 - in);
                long small = total / 2;
                pads[i] = auto.equals("SAME_UPPER") ? small : total - small;
                pads[i + k] = total - pads[i];
            }
        } else if (auto.equals("VALID")) {
            pads = new long[2 * k];
        }
        if (strides.length != k || dil.length != k || pads.length != 2 * k) {
            throw c.fail("strides, dilations or pads do not match a " + k + "-d kernel");
        }
        return new Window(kernel, strides, pads, dil, n.intAttr("ceil_mode", 0) != 0);
    }

    private static long[] or(long[] v, int n, long fill) {
        if (v != null && v.length > 0) {
            return v;
        }
        long[] d = new long[n];
        Arrays.fill(d, fill);
        return d;
    }

    private static List<Tensor> conv(Inputs c) {
        Tensor x = c.in(0);
        Tensor w = c.in(1);
        if (w == null || w.rank() != x.rank() || x.rank() < 3) {
            throw c.fail("needs an input and a weight of the same rank, got " + x.describe());
        }
        long[] kernel = Arrays.copyOfRange(w.dims(), 2, w.rank());
        Window win = window(c, kernel, x.dims());
        long group = c.node().intAttr("group", 1);
        if (x.dim(1) != w.dim(1) * group) {
            throw c.fail("input has " + x.dim(1) + " channels, the weight expects " + w.dim(1) * group);
        }
        long[] out = new long[x.rank()];
        out[0] = x.dim(0);
        out[1] = w.dim(0);
        for (int i = 0; i < kernel.length; i++) {
            out[2 + i] = win.out(i, x.dims()[2 + i]);
            if (out[2 + i] < 1) {
                throw c.fail("kernel leaves no output pixel of a " + x.dims()[2 + i] + "-pixel side");
            }
        }
        return List.of(Tensor.of(out));
    }

    private static List<Tensor> convTranspose(Inputs c) {
        Tensor x = c.in(0);
        Tensor w = c.in(1);
        OnnxNode n = c.node();
        int k = x.rank() - 2;
        long[] kernel = Arrays.copyOfRange(w.dims(), 2, w.rank());
        long[] strides = or(n.intsAttr("strides"), k, 1);
        long[] dil = or(n.intsAttr("dilations"), k, 1);
        long[] pads = or(n.intsAttr("pads"), 2 * k, 0);
        long[] outPad = or(n.intsAttr("output_padding"), k, 0);
        long[] outShape = n.intsAttr("output_shape");
        long group = n.intAttr("group", 1);
        long[] out = new long[x.rank()];
        out[0] = x.dim(0);
        out[1] = w.dim(1) * group;
        for (int i = 0; i < k; i++) {
            out[2 + i] = outShape != null && outShape.length > 0 ? outShape[outShape.length - k + i]
                    : strides[i] * (x.dims()[2 + i] - 1) + outPad[i] + (kernel[i] - 1) * dil[i] + 1 - pads[i]
                    - pads[i + k];
        }
        return List.of(Tensor.of(out));
    }

    private static List<Tensor> pool(Inputs c) {
        Tensor x = c.in(0);
        long[] kernel = c.node().intsAttr("kernel_shape");
        if (kernel == null || kernel.length != x.rank() - 2) {
            throw c.fail("kernel_shape must give one size per spatial axis");
        }
        Window win = window(c, kernel, x.dims());
        long[] out = x.dims().clone();
        for (int i = 0; i < kernel.length; i++) {
            out[2 + i] = win.out(i, x.dims()[2 + i]);
            if (out[2 + i] < 1) {
                throw c.fail("kernel leaves no output pixel of a " + x.dims()[2 + i] + "-pixel side");
            }
        }
        return List.of(Tensor.of(out));
    }

    private static List<Tensor> globalPool(Inputs c) {
        long[] out = c.in(0).dims().clone();
        for (int i = 2; i < out.length; i++) {
            out[i] = 1;
        }
        return List.of(Tensor.of(out));
    }

    /** The reduced axes of a Reduce* node (attribute before opset 18, input since), normalised. */
    static int[] reduceAxes(Inputs c) {
        Tensor x = c.in(0);
        long[] axes = c.node().intsAttr("axes");
        if (c.opset() >= 18 || (c.node().op().equals("ReduceSum") && c.opset() >= 13)) {
            axes = c.in(1) == null ? null : c.constant(1, "axes").longValues();
        }
        if (axes == null || axes.length == 0) {
            if (c.node().intAttr("noop_with_empty_axes", 0) != 0) {
                return new int[0];
            }
            axes = new long[x.rank()];
            for (int i = 0; i < axes.length; i++) {
                axes[i] = i;
            }
        }
        return Arrays.stream(axes).mapToInt(a -> (int) (a < 0 ? a + x.rank() : a)).sorted().toArray();
    }

    private static List<Tensor> reduce(Inputs c) {
        Tensor x = c.in(0);
        int[] axes = reduceAxes(c);
        boolean keep = c.node().intAttr("keepdims", 1) != 0;
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < x.rank(); i++) {
            final int axis = i;
            boolean reduced = Arrays.stream(axes).anyMatch(a -> a == axis);
            if (!reduced) {
                out.add(x.dims()[i]);
            } else if (keep) {
                out.add(1L);
            }
        }
        return List.of(Tensor.of(out.stream().mapToLong(Long::longValue).toArray()));
    }

    private static List<Tensor> flatten(Inputs c) {
        Tensor x = c.in(0);
        int axis = (int) c.node().intAttr("axis", 1);
        axis = axis < 0 ? axis + x.rank() : axis;
        return List.of(view(x, new long[] {product(x.dims(), 0, axis), product(x.dims(), axis, x.rank())}));
    }

    /** A tensor with new dimensions and the same elements (values kept for constants). */
    private static Tensor view(Tensor x, long[] dims) {
        return x.isConstant() ? Tensor.constant(dims, x.values()) : Tensor.of(dims);
    }

    private static List<Tensor> reshape(Inputs c) {
        Tensor x = c.in(0);
        long[] shape = c.constant(1, "the target shape").longValues();
        boolean allowZero = c.node().intAttr("allowzero", 0) != 0;
        long[] out = new long[shape.length];
        int infer = -1;
        long known = 1;
        for (int i = 0; i < shape.length; i++) {
            long s = shape[i];
            if (s == 0 && !allowZero) {
                if (i >= x.rank()) {
                    throw c.fail("target shape " + Arrays.toString(shape) + " copies dimension " + i + " of "
                            + x.describe());
                }
                s = x.dims()[i];
            }
            if (s == -1) {
                if (infer >= 0) {
                    throw c.fail("target shape " + Arrays.toString(shape) + " has two -1");
                }
                infer = i;
                continue;
            }
            out[i] = s;
            known *= s;
        }
        if (infer >= 0) {
            if (known == 0 || x.elements() % known != 0) {
                throw c.fail("cannot reshape " + x.describe() + " to " + Arrays.toString(shape));
            }
            out[infer] = x.elements() / known;
        }
        if (product(out, 0, out.length) != x.elements()) {
            throw c.fail("cannot reshape " + x.describe() + " (" + x.elements() + " elements) to "
                    + Arrays.toString(out));
        }
        return List.of(view(x, out));
    }

    /** The axes of Squeeze/Unsqueeze: attribute before opset 13, input since. */
    private static long[] axesOf(Inputs c, int rank) {
        long[] axes = c.opset() >= 13 ? (c.in(1) == null ? null : c.constant(1, "axes").longValues())
                : c.node().intsAttr("axes");
        if (axes == null) {
            return null;
        }
        return Arrays.stream(axes).map(a -> a < 0 ? a + rank : a).sorted().toArray();
    }

    private static List<Tensor> squeeze(Inputs c) {
        Tensor x = c.in(0);
        long[] axes = axesOf(c, x.rank());
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < x.rank(); i++) {
            final long axis = i;
            boolean drop = axes == null ? x.dims()[i] == 1 : Arrays.stream(axes).anyMatch(a -> a == axis);
            if (drop && x.dims()[i] != 1) {
                throw c.fail("cannot squeeze axis " + i + " of " + x.describe());
            }
            if (!drop) {
                out.add(x.dims()[i]);
            }
        }
        return List.of(view(x, out.stream().mapToLong(Long::longValue).toArray()));
    }

    private static List<Tensor> unsqueeze(Inputs c) {
        Tensor x = c.in(0);
        long[] raw = c.opset() >= 13 ? c.constant(1, "axes").longValues() : c.node().intsAttr("axes");
        if (raw == null) {
            throw c.fail("axes are missing");
        }
        int rank = x.rank() + raw.length;
        long[] axes = Arrays.stream(raw).map(a -> a < 0 ? a + rank : a).sorted().toArray();
        long[] out = new long[rank];
        int src = 0;
        for (int i = 0; i < rank; i++) {
            final long axis = i;
            out[i] = Arrays.stream(axes).anyMatch(a -> a == axis) ? 1 : x.dims()[src++];
        }
        return List.of(view(x, out));
    }

    static int[] permutation(OnnxNode n, int rank) {
        long[] perm = n.intsAttr("perm");
        int[] p = new int[rank];
        for (int i = 0; i < rank; i++) {
            p[i] = perm == null || perm.length == 0 ? rank - 1 - i : (int) perm[i];
        }
        return p;
    }

    private static List<Tensor> transpose(Inputs c) {
        Tensor x = c.in(0);
        int[] p = permutation(c.node(), x.rank());
        long[] out = new long[x.rank()];
        for (int i = 0; i < p.length; i++) {
            out[i] = x.dims()[p[i]];
        }
        if (x.isConstant() && x.rank() <= 1) {
            return List.of(Tensor.constant(out, x.values()));
        }
        return List.of(Tensor.of(out));
    }

    private static List<Tensor> concat(Inputs c) {
        OnnxNode n = c.node();
        List<Tensor> parts = new ArrayList<>();
        for (int i = 0; i < n.inputs().size(); i++) {
            if (c.in(i) != null) {
                parts.add(c.in(i));
            }
        }
        int rank = parts.get(0).rank();
        int axis = (int) n.intAttr("axis", 1);
        axis = axis < 0 ? axis + rank : axis;
        long[] out = parts.get(0).dims().clone();
        out[axis] = 0;
        boolean constant = true;
        for (Tensor t : parts) {
            if (t.rank() != rank) {
                throw c.fail("inputs of ranks " + rank + " and " + t.rank());
            }
            for (int i = 0; i < rank; i++) {
                if (i != axis && t.dims()[i] != out[i]) {
                    throw c.fail("cannot concatenate " + parts.get(0).describe() + " and " + t.describe()
                            + " on axis " + axis);
                }
            }
            out[axis] += t.dims()[axis];
            constant &= t.isConstant();
        }
        if (constant && rank == 1) {
            return List.of(Tensor.constant(out, parts.stream().flatMapToDouble(t -> Arrays.stream(t.values())).toArray()));
        }
        return List.of(Tensor.of(out));
    }

    private static List<Tensor> split(Inputs c) {
        Tensor x = c.in(0);
        OnnxNode n = c.node();
        int axis = (int) n.intAttr("axis", 0);
        axis = axis < 0 ? axis + x.rank() : axis;
        int outputs = n.proto().getOutputCount();
        long[] sizes = c.opset() >= 13 ? (c.in(1) == null ? null : c.constant(1, "split").longValues())
                : n.intsAttr("split");
        long len = x.dims()[axis];
        if (sizes == null || sizes.length == 0) {
            sizes = new long[outputs];
            long each = Math.floorDiv(len + outputs - 1, outputs);
            for (int i = 0; i < outputs; i++) {
                sizes[i] = Math.max(0, Math.min(each, len - each * i));
            }
        }
        if (sizes.length != outputs || Arrays.stream(sizes).sum() != len) {
            throw c.fail("split sizes " + Arrays.toString(sizes) + " do not cover axis " + axis + " of " + x.describe());
        }
        List<Tensor> out = new ArrayList<>();
        for (long s : sizes) {
            long[] d = x.dims().clone();
            d[axis] = s;
            out.add(Tensor.of(d));
        }
        return out;
    }

    private static List<Tensor> slice(Inputs c) {
        Tensor x = c.in(0);
        OnnxNode n = c.node();
        long[] starts;
        long[] ends;
        long[] axes;
        long[] steps = null;
        if (c.opset() >= 10) {
            starts = c.constant(1, "starts").longValues();
            ends = c.constant(2, "ends").longValues();
            axes = c.in(3) == null ? null : c.constant(3, "axes").longValues();
            steps = c.in(4) == null ? null : c.constant(4, "steps").longValues();
        } else {
            starts = n.intsAttr("starts");
            ends = n.intsAttr("ends");
            axes = n.intsAttr("axes");
        }
        long[] out = x.dims().clone();
        List<long[]> ranges = new ArrayList<>();
        for (int i = 0; i < starts.length; i++) {
            int axis = (int) (axes == null ? i : axes[i] < 0 ? axes[i] + x.rank() : axes[i]);
            long step = steps == null ? 1 : steps[i];
            long dim = x.dims()[axis];
            long s = clampIndex(starts[i], dim, step);
            long e = clampIndex(ends[i], dim, step);
            long count = step > 0 ? Math.max(0, Math.floorDiv(e - s + step - 1, step))
                    : Math.max(0, Math.floorDiv(s - e - step - 1, -step));
            out[axis] = count;
            ranges.add(new long[] {axis, s, step, count});
        }
        if (x.isConstant() && x.rank() == 1 && ranges.size() == 1) {
            long[] r = ranges.get(0);
            double[] v = new double[(int) r[3]];
            for (int i = 0; i < v.length; i++) {
                v[i] = x.values()[(int) (r[1] + i * r[2])];
            }
            return List.of(Tensor.constant(out, v));
        }
        return List.of(Tensor.of(out));
    }

    private static long clampIndex(long i, long dim, long step) {
        long v = i < 0 ? i + dim : i;
        return step > 0 ? Math.max(0, Math.min(dim, v)) : Math.max(-1, Math.min(dim - 1, v));
    }

    /** The pads of a Pad node (attribute before opset 11, input since), begin… end…, all axes. */
    static long[] pads(Inputs c) {
        Tensor x = c.in(0);
        long[] pads = c.opset() >= 11 ? c.constant(1, "pads").longValues() : c.node().intsAttr("pads");
        if (c.opset() >= 18 && c.in(3) != null) {
            long[] axes = c.constant(3, "axes").longValues();
            long[] full = new long[2 * x.rank()];
            for (int i = 0; i < axes.length; i++) {
                int a = (int) (axes[i] < 0 ? axes[i] + x.rank() : axes[i]);
                full[a] = pads[i];
                full[a + x.rank()] = pads[i + axes.length];
            }
            pads = full;
        }
        if (pads == null || pads.length != 2 * x.rank()) {
            throw c.fail("pads must give a begin and an end for each of the " + x.rank() + " axes");
        }
        return pads;
    }

    private static List<Tensor> pad(Inputs c) {
        Tensor x = c.in(0);
        long[] pads = pads(c);
        long[] out = x.dims().clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += pads[i] + pads[i + out.length];
        }
        return List.of(Tensor.of(out));
    }

    private static List<Tensor> gemm(Inputs c) {
        Tensor a = c.in(0);
        Tensor b = c.in(1);
        OnnxNode n = c.node();
        boolean ta = n.intAttr("transA", 0) != 0;
        boolean tb = n.intAttr("transB", 0) != 0;
        if (a.rank() != 2 || b.rank() != 2) {
            throw c.fail("needs two matrices, got " + a.describe() + " and " + b.describe());
        }
        long m = ta ? a.dim(1) : a.dim(0);
        long k = ta ? a.dim(0) : a.dim(1);
        long kb = tb ? b.dim(1) : b.dim(0);
        long nn = tb ? b.dim(0) : b.dim(1);
        if (k != kb) {
            throw c.fail("inner sizes " + k + " and " + kb + " differ");
        }
        return List.of(Tensor.of(m, nn));
    }

    private static List<Tensor> matmul(Inputs c) {
        Tensor a = c.in(0);
        Tensor b = c.in(1);
        long[] ad = a.rank() == 1 ? new long[] {1, a.dim(0)} : a.dims();
        long[] bd = b.rank() == 1 ? new long[] {b.dim(0), 1} : b.dims();
        if (ad[ad.length - 1] != bd[bd.length - 2]) {
            throw c.fail("cannot multiply " + a.describe() + " by " + b.describe());
        }
        long[] batch = broadcast(c, Arrays.copyOf(ad, ad.length - 2), Arrays.copyOf(bd, bd.length - 2));
        List<Long> out = new ArrayList<>();
        Arrays.stream(batch).forEach(out::add);
        if (a.rank() > 1) {
            out.add(ad[ad.length - 2]);
        }
        if (b.rank() > 1) {
            out.add(bd[bd.length - 1]);
        }
        return List.of(Tensor.of(out.stream().mapToLong(Long::longValue).toArray()));
    }

    private static List<Tensor> resize(Inputs c) {
        Tensor x = c.in(0);
        OnnxNode n = c.node();
        double[] scales = null;
        long[] sizes = null;
        if (n.op().equals("Upsample") || c.opset() == 10) {
            scales = c.opset() >= 9 ? c.constant(1, "scales").values()
                    : n.attribute("scales").getFloatsList().stream().mapToDouble(Float::doubleValue).toArray();
        } else {
            Tensor sc = c.in(2);
            Tensor sz = c.in(3);
            if (sz != null && sz.elements() > 0) {
                sizes = c.constant(3, "sizes").longValues();
            } else if (sc != null && sc.elements() > 0) {
                scales = c.constant(2, "scales").values();
            }
        }
        long[] out = x.dims().clone();
        if (sizes != null && sizes.length == out.length) {
            out = sizes.clone();
        } else if (scales != null && scales.length == out.length) {
            for (int i = 0; i < out.length; i++) {
                out[i] = (long) Math.floor(x.dims()[i] * scales[i]);
            }
        } else {
            throw c.fail("needs scales or sizes for every axis");
        }
        return List.of(Tensor.of(out));
    }

    private static List<Tensor> constantNode(Inputs c) {
        OnnxNode n = c.node();
        var a = n.proto().getAttributeCount() > 0 ? n.proto().getAttribute(0) : null;
        if (a == null) {
            throw c.fail("has no value");
        }
        return List.of(switch (a.getName()) {
            case "value" -> TensorValues.decode(a.getT());
            case "value_float" -> Tensor.constant(new long[0], new double[] {a.getF()});
            case "value_int" -> Tensor.constant(new long[0], new double[] {a.getI()});
            case "value_floats" -> Tensor.constant(new long[] {a.getFloatsCount()},
                    a.getFloatsList().stream().mapToDouble(Float::doubleValue).toArray());
            case "value_ints" -> Tensor.constant(new long[] {a.getIntsCount()},
                    a.getIntsList().stream().mapToDouble(Long::doubleValue).toArray());
            default -> throw c.fail("value attribute '" + a.getName() + "' is not supported");
        });
    }

    private static List<Tensor> shape(Inputs c) {
        long[] d = c.in(0).dims();
        int start = (int) c.node().intAttr("start", 0);
        int end = (int) c.node().intAttr("end", d.length);
        start = Math.max(0, Math.min(d.length, start < 0 ? start + d.length : start));
        end = Math.max(start, Math.min(d.length, end < 0 ? end + d.length : end));
        return List.of(Tensor.vector(Arrays.copyOfRange(d, start, end)));
    }

    private static List<Tensor> gather(Inputs c) {
        Tensor data = c.in(0);
        Tensor idx = c.in(1);
        int axis = (int) c.node().intAttr("axis", 0);
        axis = axis < 0 ? axis + data.rank() : axis;
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < axis; i++) {
            out.add(data.dims()[i]);
        }
        Arrays.stream(idx.dims()).forEach(out::add);
        for (int i = axis + 1; i < data.rank(); i++) {
            out.add(data.dims()[i]);
        }
        long[] dims = out.stream().mapToLong(Long::longValue).toArray();
        if (data.isConstant() && idx.isConstant() && data.rank() == 1) {
            double[] v = new double[idx.values().length];
            for (int i = 0; i < v.length; i++) {
                long j = (long) idx.values()[i];
                j = j < 0 ? j + data.dim(0) : j;
                if (j < 0 || j >= data.dim(0)) {
                    throw c.fail("index " + (long) idx.values()[i] + " is outside " + data.describe());
                }
                v[i] = data.values()[(int) j];
            }
            return List.of(Tensor.constant(dims, v));
        }
        return List.of(Tensor.of(dims));
    }

    private static List<Tensor> constantOfShape(Inputs c) {
        long[] dims = c.constant(0, "the shape").longValues();
        long n = product(dims, 0, dims.length);
        var a = c.node().attribute("value");
        double fill = a == null ? 0 : TensorValues.decode(a.getT()).scalar();
        if (n <= Tensor.MAX_VALUES) {
            double[] v = new double[(int) n];
            Arrays.fill(v, fill);
            return List.of(Tensor.constant(dims, v));
        }
        return List.of(Tensor.of(dims));
    }

    private static List<Tensor> expand(Inputs c) {
        Tensor x = c.in(0);
        long[] shape = c.constant(1, "the shape").longValues();
        long[] dims = broadcast(c, x.dims(), shape);
        if (x.isConstant() && product(dims, 0, dims.length) <= Tensor.MAX_VALUES) {
            double[] v = new double[(int) product(dims, 0, dims.length)];
            for (int i = 0; i < v.length; i++) {
                v[i] = x.values()[sourceIndex(i, dims, x.dims())];
            }
            return List.of(Tensor.constant(dims, v));
        }
        return List.of(Tensor.of(dims));
    }

    private static List<Tensor> range(Inputs c) {
        double start = c.constant(0, "start").scalar();
        double limit = c.constant(1, "limit").scalar();
        double delta = c.constant(2, "delta").scalar();
        long n = Math.max(0, (long) Math.ceil((limit - start) / delta));
        double[] v = new double[(int) Math.min(n, Tensor.MAX_VALUES)];
        for (int i = 0; i < v.length; i++) {
            v[i] = start + i * delta;
        }
        return List.of(n <= Tensor.MAX_VALUES ? Tensor.constant(new long[] {n}, v) : Tensor.of(n));
    }
}
