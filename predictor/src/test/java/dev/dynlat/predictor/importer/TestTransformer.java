package dev.dynlat.predictor.importer;

import static dev.dynlat.predictor.importer.TestGraph.f;
import static dev.dynlat.predictor.importer.TestGraph.i;
import static dev.dynlat.predictor.importer.TestGraph.ints;

/**
 * A ViT-style transformer encoder as torch.onnx writes one without fused kernels: patch embedding
 * by a strided conv, then shape arithmetic (Shape → Gather → Unsqueeze → Concat) feeding Reshape,
 * layer norms decomposed into ReduceMean/Sub/Pow/Sqrt/Div, GELU as ½x(1+erf(x/√2)), attention with
 * head splits by Reshape/Transpose. Attributes move to inputs as the opset says (Unsqueeze axes at
 * 13, ReduceMean axes at 18). MACs are counted here from the sizes used.
 */
final class TestTransformer {
    final TestGraph g;
    final long dim;
    final long heads;
    final long tokens;
    double macs;

    private TestTransformer(int opset, long size, long patch, long dim, long heads) {
        this.g = new TestGraph(opset);
        this.dim = dim;
        this.heads = heads;
        this.tokens = (size / patch) * (size / patch);
    }

    static TestTransformer build(int opset, long size, int depth) {
        TestTransformer t = new TestTransformer(opset, size, 16, 192, 3);
        t.encoder(size, depth);
        return t;
    }

    private String unsqueeze0(String x) {
        return g.opset >= 13 ? g.node("Unsqueeze", new String[] {x, g.ints(0)}) : g.node("Unsqueeze", x, ints("axes", 0));
    }

    private String reduceMean(String x, long axis, boolean keep) {
        return g.opset >= 18 ? g.node("ReduceMean", new String[] {x, g.ints(axis)}, i("keepdims", keep ? 1 : 0))
                : g.node("ReduceMean", x, ints("axes", axis), i("keepdims", keep ? 1 : 0));
    }

    private String layerNorm(String x) {
        String mean = reduceMean(x, -1, true);
        String centred = g.node("Sub", new String[] {x, mean});
        String sq = g.node("Pow", new String[] {centred, g.scalar(2)});
        String var = reduceMean(sq, -1, true);
        String std = g.node("Sqrt", g.node("Add", new String[] {var, g.scalar(1e-6)}));
        String norm = g.node("Div", new String[] {centred, std});
        return g.node("Add", new String[] {g.node("Mul", new String[] {norm, g.weight(dim)}), g.weight(dim)});
    }

    private String linear(String x, long in, long out) {
        macs += (double) tokens * in * out;
        return g.node("Add", new String[] {g.node("MatMul", new String[] {x, g.weight(in, out)}), g.weight(out)});
    }

    private String gelu(String x) {
        String erf = g.node("Erf", g.node("Div", new String[] {x, g.scalar(Math.sqrt(2))}));
        String onePlus = g.node("Add", new String[] {erf, g.scalar(1)});
        return g.node("Mul", new String[] {g.node("Mul", new String[] {x, onePlus}), g.scalar(0.5)});
    }

    /** [1, L, D] → [1, H, L, D/H] by shape arithmetic, as torch writes x.view(B, L, H, d).transpose(1, 2). */
    private String splitHeads(String x, long[] perm) {
        String shape = g.node("Shape", x);
        String b = unsqueeze0(g.node("Gather", new String[] {shape, g.intScalar(0)}, i("axis", 0)));
        String l = unsqueeze0(g.node("Gather", new String[] {shape, g.intScalar(1)}, i("axis", 0)));
        String target = g.node("Concat", new String[] {b, l, g.constantInts(heads), g.constantInts(dim / heads)},
                i("axis", 0));
        return g.node("Transpose", g.node("Reshape", new String[] {x, target}), ints("perm", perm));
    }

    private String attention(String x) {
        long dh = dim / heads;
        String q = splitHeads(linear(x, dim, dim), new long[] {0, 2, 1, 3});
        String k = splitHeads(linear(x, dim, dim), new long[] {0, 2, 3, 1});
        String v = splitHeads(linear(x, dim, dim), new long[] {0, 2, 1, 3});
        macs += (double) heads * tokens * dh * tokens;
        String scores = g.node("Div", new String[] {g.node("MatMul", new String[] {q, k}), g.scalar(Math.sqrt(dh))});
        String probs = g.node("Softmax", scores, i("axis", -1));
        macs += (double) heads * tokens * tokens * dh;
        String ctx = g.node("Transpose", g.node("MatMul", new String[] {probs, v}), ints("perm", 0, 2, 1, 3));
        // A target shape with 0 (copy) and -1 (infer), as exporters write view(B, -1, D).
        String merged = g.node("Reshape", new String[] {ctx, g.ints(0, -1, dim)});
        return linear(merged, dim, dim);
    }

    private void encoder(long size, int depth) {
        String img = g.input("pixels", new long[] {-1, 3, -1, -1}, "batch", "", "height", "width");
        long side = size / 16;
        macs += (double) dim * 3 * 16 * 16 * side * side;
        String p = g.node("Conv", new String[] {img, g.weight(dim, 3, 16, 16), g.weight(dim)},
                ints("kernel_shape", 16, 16), ints("strides", 16, 16));
        String shape = g.node("Shape", p);
        String b = unsqueeze0(g.node("Gather", new String[] {shape, g.intScalar(0)}, i("axis", 0)));
        String target = g.node("Concat", new String[] {b, g.ints(dim, -1)}, i("axis", 0));
        String x = g.node("Transpose", g.node("Reshape", new String[] {p, target}), ints("perm", 0, 2, 1));
        x = g.node("Add", new String[] {x, g.weight(1, tokens, dim)});
        for (int layer = 0; layer < depth; layer++) {
            x = g.node("Add", new String[] {x, attention(layerNorm(x))});
            String h = gelu(linear(layerNorm(x), dim, 4 * dim));
            x = g.node("Add", new String[] {x, linear(h, 4 * dim, dim)});
        }
        String pooled = reduceMean(layerNorm(x), 1, false);
        macs += (double) dim * 1000;
        g.output(g.node("Gemm", new String[] {pooled, g.weight(1000, dim), g.weight(1000)}, i("transB", 1)));
    }
}
