package dev.dynlat.predictor.importer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The node patterns exporters write for one logical operator: activations as ONNX ops or in their
 * decomposed forms (x·sigmoid(x), x·relu6(x+3)/6, ½x(1+erf(x/√2))), and the decomposed layer norm
 * (ReduceMean, Sub, Pow, ReduceMean, Add ε, Sqrt, Div, then the affine). Each matcher starts from
 * the tensor the pattern reads.
 */
final class Patterns {
    private static final double TOLERANCE = 1e-3;

    private Patterns() {
    }

    /**
     * A matched pattern.
     *
     * @param kind the dynlat operator or activation it is
     * @param output the tensor the pattern produces
     * @param nodes the ONNX nodes it covers
     * @param exclusive whether these nodes are all the readers of the input (so it may fuse into its producer)
     */
    record Match(String kind, String output, List<OnnxNode> nodes, boolean exclusive) {
    }

    /** The dynlat activation one ONNX node is, or null. */
    static String singleActivation(OnnxGraph g, OnnxNode n) {
        return switch (n.op()) {
            case "Relu" -> "relu";
            case "Sigmoid" -> "sigmoid";
            case "HardSigmoid" -> "hard-sigmoid";
            case "HardSwish" -> "hard-swish";
            case "Gelu" -> "gelu";
            case "Clip" -> clip(g, n);
            default -> null;
        };
    }

    private static String clip(OnnxGraph g, OnnxNode n) {
        double lo;
        double hi;
        if (g.opset < 11) {
            lo = n.floatAttr("min", Double.NEGATIVE_INFINITY);
            hi = n.floatAttr("max", Double.POSITIVE_INFINITY);
        } else {
            Double l = scalarInput(g, n, 1);
            Double h = scalarInput(g, n, 2);
            if ((l == null && !n.input(1).isEmpty()) || (h == null && !n.input(2).isEmpty())) {
                return null;
            }
            lo = l == null ? Double.NEGATIVE_INFINITY : l;
            hi = h == null ? Double.POSITIVE_INFINITY : h;
        }
        if (lo == 0 && hi == 6) {
            return "relu6";
        }
        return lo == 0 && hi == Double.POSITIVE_INFINITY ? "relu" : null;
    }

    /** The value of a one-element constant input, or null. */
    private static Double scalarInput(OnnxGraph g, OnnxNode n, int i) {
        String name = n.input(i);
        if (name.isEmpty() || g.isDynamic(name)) {
            return null;
        }
        Tensor t = g.tensor(name);
        return t != null && t.isScalarConstant() ? t.scalar() : null;
    }

    /** The constant operand of a binary node whose other operand is {@code x}, or null. */
    private static Double constantWith(OnnxGraph g, OnnxNode n, String x) {
        if (n.inputs().size() != 2) {
            return null;
        }
        if (n.input(0).equals(x)) {
            return scalarInput(g, n, 1);
        }
        if (n.input(1).equals(x) && !n.op().equals("Sub") && !n.op().equals("Div")) {
            return scalarInput(g, n, 0);
        }
        return null;
    }

    private static boolean near(Double v, double want) {
        return v != null && Math.abs(v - want) <= TOLERANCE * Math.max(1, Math.abs(want));
    }

    private static boolean reads(OnnxNode n, String a, String b) {
        return n.inputs().size() == 2 && ((n.input(0).equals(a) && n.input(1).equals(b))
                || (n.input(0).equals(b) && n.input(1).equals(a)));
    }

    private static OnnxNode next(OnnxGraph g, String tensor, String op) {
        OnnxNode c = g.soleConsumer(tensor);
        return c != null && c.op().equals(op) ? c : null;
    }

    /** The activation applied to {@code x}, written as one ONNX op or in a decomposed form; null if none. */
    static Match activation(OnnxGraph g, String x) {
        List<OnnxNode> cons = g.consumersOf(x);
        for (OnnxNode c : cons) {
            Match m = gated(g, x, c, cons);
            if (m == null) {
                m = decomposedHardSwish(g, x, c, cons);
            }
            if (m == null) {
                m = decomposedGelu(g, x, c, cons);
            }
            if (m != null) {
                return m;
            }
        }
        for (OnnxNode c : cons) {
            String kind = singleActivation(g, c);
            if (kind != null) {
                return match(g, x, kind, c.output(0), List.of(c));
            }
        }
        return null;
    }

    private static Match match(OnnxGraph g, String x, String kind, String out, List<OnnxNode> nodes) {
        boolean exclusive = !g.outputs.contains(x) && nodes.containsAll(g.consumersOf(x));
        return new Match(kind, out, nodes, exclusive);
    }

    /** x·sigmoid(x) (swish, SiLU) and x·hardsigmoid(x) (hard-swish). */
    private static Match gated(OnnxGraph g, String x, OnnxNode gate, List<OnnxNode> cons) {
        if (!gate.op().equals("Sigmoid") && !gate.op().equals("HardSigmoid")) {
            return null;
        }
        OnnxNode mul = next(g, gate.output(0), "Mul");
        if (mul == null || !cons.contains(mul) || !reads(mul, x, gate.output(0))) {
            return null;
        }
        return match(g, x, gate.op().equals("Sigmoid") ? "swish" : "hard-swish", mul.output(0), List.of(gate, mul));
    }

    /** x · relu6(x + 3) / 6. */
    private static Match decomposedHardSwish(OnnxGraph g, String x, OnnxNode add, List<OnnxNode> cons) {
        if (!add.op().equals("Add") || !near(constantWith(g, add, x), 3)) {
            return null;
        }
        OnnxNode clip = g.soleConsumer(add.output(0));
        if (clip == null || !"relu6".equals(singleActivation(g, clip))) {
            return null;
        }
        OnnxNode mul = next(g, clip.output(0), "Mul");
        if (mul == null || !cons.contains(mul) || !reads(mul, x, clip.output(0))) {
            return null;
        }
        OnnxNode scale = g.soleConsumer(mul.output(0));
        if (scale == null || !(scale.op().equals("Div") && near(constantWith(g, scale, mul.output(0)), 6)
                || scale.op().equals("Mul") && near(constantWith(g, scale, mul.output(0)), 1.0 / 6))) {
            return null;
        }
        return match(g, x, "hard-swish", scale.output(0), List.of(add, clip, mul, scale));
    }

    /** ½·x·(1 + erf(x/√2)), with the ½ applied first or last. */
    private static Match decomposedGelu(OnnxGraph g, String x, OnnxNode div, List<OnnxNode> cons) {
        boolean scaled = div.op().equals("Div") && near(constantWith(g, div, x), Math.sqrt(2))
                || div.op().equals("Mul") && near(constantWith(g, div, x), Math.sqrt(0.5));
        if (!scaled) {
            return null;
        }
        OnnxNode erf = next(g, div.output(0), "Erf");
        OnnxNode one = erf == null ? null : next(g, erf.output(0), "Add");
        if (one == null || !near(constantWith(g, one, erf.output(0)), 1)) {
            return null;
        }
        OnnxNode mul = next(g, one.output(0), "Mul");
        if (mul == null) {
            return null;
        }
        if (cons.contains(mul) && reads(mul, x, one.output(0))) {
            OnnxNode half = next(g, mul.output(0), "Mul");
            if (half != null && near(constantWith(g, half, mul.output(0)), 0.5)) {
                return match(g, x, "gelu", half.output(0), List.of(div, erf, one, mul, half));
            }
            return null;
        }
        for (OnnxNode half : cons) {
            if (half.op().equals("Mul") && near(constantWith(g, half, x), 0.5) && reads(mul, half.output(0),
                    one.output(0)) && g.soleConsumer(half.output(0)) == mul) {
                return match(g, x, "gelu", mul.output(0), List.of(div, erf, one, half, mul));
            }
        }
        return null;
    }

    /** A layer norm over the last axis written out: mean, centre, variance, ε, root, divide, affine. */
    static Match layerNorm(OnnxGraph g, String x) {
        List<OnnxNode> cons = g.consumersOf(x);
        for (OnnxNode mean : cons) {
            if (!mean.op().equals("ReduceMean") || !lastAxisOnly(g, mean)) {
                continue;
            }
            OnnxNode sub = next(g, mean.output(0), "Sub");
            if (sub == null || !sub.input(0).equals(x) || !sub.input(1).equals(mean.output(0))) {
                continue;
            }
            List<OnnxNode> centred = g.consumersOf(sub.output(0));
            OnnxNode square = null;
            OnnxNode div = null;
            for (OnnxNode c : centred) {
                if (c.op().equals("Pow") && c.input(0).equals(sub.output(0)) && near(scalarInput(g, c, 1), 2)
                        || c.op().equals("Mul") && c.input(0).equals(sub.output(0)) && c.input(1).equals(sub.output(0))) {
                    square = c;
                } else if (c.op().equals("Div") && c.input(0).equals(sub.output(0))) {
                    div = c;
                }
            }
            if (square == null || div == null || centred.size() != 2) {
                continue;
            }
            OnnxNode var = next(g, square.output(0), "ReduceMean");
            OnnxNode eps = var == null || !lastAxisOnly(g, var) ? null : next(g, var.output(0), "Add");
            OnnxNode sqrt = eps == null || scalarInput(g, eps, 1) == null ? null : next(g, eps.output(0), "Sqrt");
            if (sqrt == null || g.soleConsumer(sqrt.output(0)) != div || !div.input(1).equals(sqrt.output(0))) {
                continue;
            }
            List<OnnxNode> nodes = new ArrayList<>(List.of(mean, sub, square, var, eps, sqrt, div));
            String out = div.output(0);
            for (String op : List.of("Mul", "Add")) {
                OnnxNode affine = g.soleConsumer(out);
                if (affine != null && affine.op().equals(op) && affine.inputs().size() == 2
                        && !g.isDynamic(affine.input(0).equals(out) ? affine.input(1) : affine.input(0))) {
                    nodes.add(affine);
                    out = affine.output(0);
                }
            }
            return new Match("layer-norm", out, nodes, false);
        }
        return null;
    }

    private static boolean lastAxisOnly(OnnxGraph g, OnnxNode reduce) {
        int[] axes = ShapeRules.reduceAxes(g.inputsOf(reduce));
        int rank = g.tensor(reduce.input(0)).rank();
        return axes.length == 1 && axes[0] == rank - 1;
    }

    /**
     * Whether {@code c} combines {@code t} with a constant of one value per output channel (or one
     * value), without growing {@code t}: a bias, scale or folded normalisation.
     */
    static boolean perChannelConstant(OnnxGraph g, OnnxNode c, String t, long channels) {
        int at = c.input(0).equals(t) ? 0 : c.input(1).equals(t) ? 1 : -1;
        if (at < 0 || (at == 1 && (c.op().equals("Sub") || c.op().equals("Div")))) {
            return false;
        }
        String other = c.input(1 - at);
        if (g.isDynamic(other)) {
            return false;
        }
        Tensor k = g.tensor(other);
        long n = k.elements();
        return (n == 1 || n == channels) && Arrays.equals(g.tensor(c.output(0)).dims(), g.tensor(t).dims());
    }

    /** Whether {@code dims} is one value per channel of an NCHW map of {@code outDims}. */
    static boolean isChannelVector(long[] dims, long[] outDims) {
        return dims.length == 4 && dims[1] == outDims[1] && dims[2] == 1 && dims[3] == 1;
    }
}
