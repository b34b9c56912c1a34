package dev.dynlat.predictor.workload;

import dev.dynlat.operators.spec.ActivationFunction;
import dev.dynlat.operators.spec.ActivationSpec;
import dev.dynlat.operators.spec.ElementwiseSpec;
import dev.dynlat.operators.spec.MatmulSpec;
import dev.dynlat.operators.spec.NormSpec;
import dev.dynlat.operators.spec.SoftmaxSpec;
import dev.dynlat.operators.spec.TensorShape;
import java.util.ArrayList;
import java.util.List;

/**
 * The operators of transformer blocks with AdaViT-style token, head and layer skipping, following
 * LAUDNet's AdaViT simulation: the batch is carried in the tensor shapes; linear layers are
 * matmuls with all leading dimensions folded into rows; head skipping slices qkv, the projection
 * and fc1; token skipping shortens the sequence of attention and MLP; layer skipping weights the
 * attention and MLP parts by their run probability. Policy heads are always paid.
 */
public final class TransformerParts {
    private TransformerParts() {
    }

    /**
     * Kept items of {@code n} at a rate, rounded down like the reference's {@code int()}; a count
     * within 0.001 of an integer is taken as that integer, so that a rate typed with six
     * decimals (3/7 as 0.428571) keeps the intended 3 of 7 heads.
     */
    public static int keptCount(int n, double rate) {
        return (int) Math.floor(n * rate + 1e-3);
    }

    /** Checks that a ViT's dynamics keep at least one head and one token. */
    public static void checkKeeps(EncoderSkipping dyn, int heads, int tokens) {
        if (keptCount(heads, dyn.head()) < 1) {
            throw new IllegalArgumentException("head-rate: " + dyn.head() + " keeps no head of " + heads);
        }
        if (keptCount(tokens, dyn.token()) < 1) {
            throw new IllegalArgumentException("token-rate: " + dyn.token() + " keeps no token of " + tokens);
        }
    }

    /** One pre-norm, unmasked encoder block on {@code l} tokens of width {@code dim}; {@code d == null} means dense. */
    public static List<OperatorUse> encoder(long b, int l, int dim, int heads, int mlpRatio, EncoderSkipping d) {
        return encoder(b, l, dim, heads, mlpRatio, d, false, false);
    }

    /**
     * One encoder block. {@code postNorm} moves each layer norm after its residual add (same
     * operators, other order); {@code causal} computes scores and context on the unmasked lower
     * triangle only: each query row sees on average {@code (l + 1) / 2} keys, rounded up.
     */
    public static List<OperatorUse> encoder(long b, int l, int dim, int heads, int mlpRatio, EncoderSkipping d,
                                            boolean postNorm, boolean causal) {
        boolean tokenSkip = d != null && d.tokenSkip();
        boolean headSkip = d != null && d.headSkip();
        boolean layerSkip = d != null && d.layerSkip();
        double hd = headSkip ? d.head() : 1;
        double td = tokenSkip ? d.token() : 1;
        double ld = layerSkip ? d.layer() : 1;
        int keptHeads = headSkip ? keptCount(heads, hd) : heads;
        int keptDimRounded = (int) Math.rint(dim * hd);
        int keptDimFloor = keptCount(dim, hd);
        int ls = keptCount(l, td);
        int dph = dim / heads;
        int hidden = dim * mlpRatio;
        int width = headSkip ? keptDimRounded : dim;
        List<OperatorUse> ops = new ArrayList<>();
        if (layerSkip) {
            ops.add(OperatorUse.folded("layer policy", Role.MASKER, new MatmulSpec(b, dim, 2), 1));
        }
        if (headSkip) {
            ops.add(OperatorUse.folded("head policy", Role.MASKER, new MatmulSpec(b, dim, heads), 1));
        }
        OperatorUse norm1 = OperatorUse.folded("layer norm 1", Role.OTHER, new NormSpec(TensorShape.of(b, l, dim)), ld);
        OperatorUse norm2 = OperatorUse.folded("layer norm 2", Role.OTHER, new NormSpec(TensorShape.of(b, l, dim)), ld);
        if (!postNorm) {
            ops.add(norm1);
        }
        ops.add(OperatorUse.folded("q/k/v projections", Role.ATTENTION, new MatmulSpec(b * l, dim, width), 3 * ld));
        if (tokenSkip) {
            ops.add(OperatorUse.folded("token policy", Role.MASKER, new MatmulSpec(b * l, width, 1), ld));
        }
        long attnRows = b * keptHeads * ls;
        int keys = causal ? (ls + 2) / 2 : ls;
        String masked = causal ? " (causal)" : "";
        ops.add(OperatorUse.folded("q k^T" + masked, Role.ATTENTION, new MatmulSpec(attnRows, dph, keys), ld));
        ops.add(OperatorUse.folded("softmax" + masked, Role.ATTENTION,
                new SoftmaxSpec(TensorShape.of(b, keptHeads, ls, keys)), ld));
        ops.add(OperatorUse.folded("attn v" + masked, Role.ATTENTION, new MatmulSpec(attnRows, keys, dph), ld));
        ops.add(OperatorUse.folded("attention projection", Role.ATTENTION, headSkip
                ? new MatmulSpec(b * ls, keptDimRounded, keptDimRounded) : new MatmulSpec(b * ls, dim, dim), ld));
        // The reference's add passes (batch, tokens, kept width) as (channels, rows, cols).
        ops.add(OperatorUse.folded("residual add 1", Role.OTHER,
                new ElementwiseSpec((int) b, ls, headSkip ? keptDimFloor : dim), ld));
        if (postNorm) {
            ops.add(norm1);
        } else {
            ops.add(norm2);
        }
        ops.add(OperatorUse.folded("mlp fc1", Role.MLP, new MatmulSpec(b * ls, width, hidden), ld));
        ops.add(OperatorUse.folded("mlp gelu", Role.MLP,
                new ActivationSpec(ActivationFunction.GELU, TensorShape.of(b, ls, hidden)), ld));
        ops.add(OperatorUse.folded("mlp fc2", Role.MLP, new MatmulSpec(b * ls, hidden, dim), ld));
        ops.add(OperatorUse.folded("residual add 2", Role.OTHER, new ElementwiseSpec((int) b, ls, dim), ld));
        if (postNorm) {
            ops.add(norm2);
        }
        return ops;
    }

    /**
     * A token-performer layer (T2T-ViT: linear attention with random features, kernel ratio 0.5)
     * on {@code l} tokens of width {@code in}, to width {@code out}.
     */
    public static List<OperatorUse> performer(String p, long b, int l, int in, int out) {
        int m = out / 2;
        long rows = b * l;
        List<OperatorUse> ops = new ArrayList<>();
        ops.add(OperatorUse.folded(p + "norm1", Role.OTHER, new NormSpec(TensorShape.of(b, l, in)), 1));
        ops.add(OperatorUse.folded(p + "kqv", Role.ATTENTION, new MatmulSpec(rows, in, 3 * out), 1));
        // Random-feature maps of k and q: exp-prep, projection, add, exp.
        ops.add(OperatorUse.folded(p + "prm prep", Role.ATTENTION, ElementwiseSpec.ofShape(TensorShape.of(b, l, out)), 2));
        ops.add(OperatorUse.folded(p + "prm projection", Role.ATTENTION, new MatmulSpec(rows, out, m), 2));
        ops.add(OperatorUse.folded(p + "prm add", Role.ATTENTION, new ElementwiseSpec((int) b, l, m), 2));
        ops.add(OperatorUse.folded(p + "prm exp", Role.ATTENTION, ElementwiseSpec.ofShape(TensorShape.of(b, l, m)), 2));
        ops.add(OperatorUse.folded(p + "normaliser", Role.ATTENTION, new MatmulSpec(rows, m, 1), 1));
        ops.add(OperatorUse.folded(p + "kp^T v", Role.ATTENTION, new MatmulSpec(b * out, l, m), 1));
        ops.add(OperatorUse.folded(p + "qp (kp^T v)", Role.ATTENTION, new MatmulSpec(rows, m, out), 1));
        ops.add(OperatorUse.folded(p + "projection", Role.ATTENTION, new MatmulSpec(rows, out, out), 1));
        ops.add(OperatorUse.folded(p + "norm2", Role.OTHER, new NormSpec(TensorShape.of(b, l, out)), 1));
        ops.add(OperatorUse.folded(p + "mlp fc1", Role.MLP, new MatmulSpec(rows, out, out), 1));
        ops.add(OperatorUse.folded(p + "mlp gelu", Role.MLP,
                new ActivationSpec(ActivationFunction.GELU, TensorShape.of(b, l, out)), 1));
        ops.add(OperatorUse.folded(p + "mlp fc2", Role.MLP, new MatmulSpec(rows, out, out), 1));
        return ops;
    }
}
