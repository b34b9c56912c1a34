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
    long tokens;
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

    /**
     * A BERT-style encoder as transformers exports it for one input: token ids looked up in a word
     * table, position ids sliced from a buffer to the sequence length (shape arithmetic) and looked
     * up in a position table, decomposed layer norms after each residual add (post-norm), GELU by
     * erf. Its MACs are counted at {@code tokens}, the length it will be imported at.
     */
    static TestTransformer bert(int opset, long tokens, long vocab, long dim, long heads, int depth) {
        TestTransformer t = new TestTransformer(opset, 1, 1, dim, heads);
        t.tokens = tokens;
        TestGraph g = t.g;
        long maxLen = 512;
        String ids = g.tokenIds("input_ids", "batch", "sequence");
        String words = g.node("Gather", new String[] {g.weight(vocab, dim), ids}, i("axis", 0));
        String length = t.unsqueeze0(g.node("Gather", new String[] {g.node("Shape", ids), g.intScalar(1)},
                i("axis", 0)));
        String positionIds = g.node("Slice", new String[] {g.ints(java.util.stream.LongStream.range(0, maxLen)
                .toArray()), g.ints(0), length, g.ints(0)});
        String positions = g.node("Gather", new String[] {g.weight(maxLen, dim), positionIds}, i("axis", 0));
        String x = t.layerNorm(g.node("Add", new String[] {words, positions}));
        for (int layer = 0; layer < depth; layer++) {
            x = t.layerNorm(g.node("Add", new String[] {x, t.attention(x)}));
            String h = t.gelu(t.linear(x, dim, 4 * dim));
            x = t.layerNorm(g.node("Add", new String[] {x, t.linear(h, 4 * dim, dim)}));
        }
        g.output(x);
        return t;
    }

    /**
     * torchvision's vit_b_16 layout at a small width: a class token concatenated from an Expand,
     * LayerNormalization ops (opset 17), nn.MultiheadAttention as torch exports it (sequence-first
     * transposes, one packed QKV projection split by Gather, heads folded into the batch axis:
     * [H, L, d] products), Gemm out-projection on [L, D], and the class token selected by Gather.
     */
    static TestTransformer torchvisionStyle(long size, int depth) {
        TestTransformer t = new TestTransformer(17, size, 16, 192, 3);
        t.tokens += 1;
        TestGraph g = t.g;
        long d = t.dim;
        long l = t.tokens;
        long dh = d / t.heads;
        String img = g.input("x", new long[] {1, 3, size, size});
        long side = size / 16;
        t.macs += (double) d * 3 * 16 * 16 * side * side;
        String p = g.node("Conv", new String[] {img, g.weight(d, 3, 16, 16), g.weight(d)}, ints("kernel_shape", 16, 16),
                ints("strides", 16, 16));
        String seq = g.node("Transpose", g.node("Reshape", new String[] {p, g.ints(1, d, side * side)}),
                ints("perm", 0, 2, 1));
        // torch writes expand(B, -1, -1) as Where(Equal(shape, -1), 1, shape) feeding Expand.
        String want = g.ints(1, -1, -1);
        String ones = g.node("Where", new String[] {g.node("Equal", new String[] {want, g.ints(-1)}), g.ints(1), want});
        String cls = g.node("Expand", new String[] {g.weight(1, 1, d), ones});
        String x = g.node("Concat", new String[] {cls, seq}, i("axis", 1));
        x = g.node("Add", new String[] {x, g.weight(1, l, d)});
        for (int layer = 0; layer < depth; layer++) {
            String h = g.node("LayerNormalization", new String[] {x, g.weight(d), g.weight(d)}, i("axis", -1));
            String first = g.node("Transpose", h, ints("perm", 1, 0, 2));
            t.macs += (double) l * d * 3 * d;
            String qkv = g.node("Add", new String[] {g.node("MatMul", new String[] {first, g.weight(d, 3 * d)}),
                g.weight(3 * d)});
            String packed = g.node("Transpose", g.node("Reshape", new String[] {qkv, g.ints(l, 1, 3, d)}),
                    ints("perm", 2, 0, 1, 3));
            String[] qkvParts = new String[3];
            for (int k = 0; k < 3; k++) {
                String part = g.node("Gather", new String[] {packed, g.intScalar(k)}, i("axis", 0));
                String heads = g.node("Transpose", g.node("Reshape", new String[] {part, g.ints(l, t.heads, dh)}),
                        ints("perm", 1, 0, 2));
                qkvParts[k] = k == 1 ? g.node("Transpose", heads, ints("perm", 0, 2, 1)) : heads;
            }
            String q = g.node("Mul", new String[] {qkvParts[0], g.scalar(1 / Math.sqrt(dh))});
            t.macs += 2.0 * t.heads * l * l * dh;
            String probs = g.node("Softmax", g.node("MatMul", new String[] {q, qkvParts[1]}), i("axis", -1));
            String ctx = g.node("MatMul", new String[] {probs, qkvParts[2]});
            String rows = g.node("Reshape", new String[] {g.node("Transpose", ctx, ints("perm", 1, 0, 2)), g.ints(l, d)});
            t.macs += (double) l * d * d;
            String proj = g.node("Gemm", new String[] {rows, g.weight(d, d), g.weight(d)}, i("transB", 1));
            String back = g.node("Transpose", g.node("Reshape", new String[] {proj, g.ints(l, 1, d)}),
                    ints("perm", 1, 0, 2));
            x = g.node("Add", new String[] {x, back});
            String h2 = g.node("LayerNormalization", new String[] {x, g.weight(d), g.weight(d)}, i("axis", -1));
            String up = t.linear(h2, d, 4 * d);
            x = g.node("Add", new String[] {x, t.linear(g.node("Gelu", up), 4 * d, d)});
        }
        String norm = g.node("LayerNormalization", new String[] {x, g.weight(d), g.weight(d)}, i("axis", -1));
        String clsOut = g.node("Gather", new String[] {norm, g.intScalar(0)}, i("axis", 1));
        t.macs += (double) d * 1000;
        g.output(g.node("Gemm", new String[] {clsOut, g.weight(1000, d), g.weight(1000)}, i("transB", 1)));
        return t;
    }
}
