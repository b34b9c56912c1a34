package dev.dynlat.predictor.engine;

import dev.dynlat.operators.spec.ActivationFunction;
import dev.dynlat.operators.spec.ActivationSpec;
import dev.dynlat.operators.spec.ElementwiseSpec;
import dev.dynlat.operators.spec.MatmulSpec;
import dev.dynlat.operators.spec.NormSpec;
import dev.dynlat.operators.spec.SoftmaxSpec;
import dev.dynlat.operators.spec.TensorShape;
import dev.dynlat.operators.spec.UnfoldSpec;
import dev.dynlat.predictor.dynamic.VitDynamics;
import dev.dynlat.predictor.workload.VisionTransformer;
import java.util.ArrayList;
import java.util.List;

/**
 * The operators of a ViT with AdaViT-style token, head and layer skipping, following LAUDNet's
 * AdaViT simulation: the batch is carried in the tensor shapes; linear layers are matmuls with
 * all leading dimensions folded into rows; head skipping slices qkv, the projection and fc1;
 * token skipping shortens the sequence of attention and MLP; layer skipping weights the attention
 * and MLP parts by their run probability. Policy heads are always paid.
 */
final class VitComposer {
    /** A composed stage before costing. */
    record ComposedBlock(String name, List<OperatorUse> operators) {
    }

    record ComposedStage(String name, boolean residual, List<ComposedBlock> blocks) {
    }

    private final VisionTransformer vit;
    private final VitDynamics dyn;
    private final long b;

    VitComposer(VisionTransformer vit, VitDynamics dyn, int batch) {
        this.vit = vit;
        this.dyn = dyn;
        this.b = batch;
        if (dyn != null) {
            int heads = keptCount(vit.heads(), dyn.head());
            if (heads < 1) {
                throw new IllegalArgumentException("head-rate: " + dyn.head() + " keeps no head of " + vit.heads());
            }
            if (keptCount(vit.tokens(), dyn.token()) < 1) {
                throw new IllegalArgumentException("token-rate: " + dyn.token() + " keeps no token of "
                        + vit.tokens());
            }
        }
    }

    /**
     * Kept items of {@code n} at a rate, rounded down like the reference's {@code int()}; a count
     * within 0.001 of an integer is taken as that integer, so that a rate typed with six
     * decimals (3/7 as 0.428571) keeps the intended 3 of 7 heads.
     */
    static int keptCount(int n, double rate) {
        return (int) Math.floor(n * rate + 1e-3);
    }

    List<ComposedStage> stages() {
        List<ComposedStage> stages = new ArrayList<>();
        List<OperatorUse> embed = vit.embedding() == VisionTransformer.Embedding.T2T ? t2tModule() : patchEmbedding();
        embed.add(OperatorUse.once("position embedding add", Role.OTHER,
                ElementwiseSpec.ofShape(TensorShape.of(b, vit.tokens(), vit.dim()))));
        stages.add(new ComposedStage("embedding", false, List.of(new ComposedBlock("embedding", embed))));
        List<ComposedBlock> blocks = new ArrayList<>();
        for (int i = 0; i < vit.depth(); i++) {
            // AdaViT keeps the first block dense.
            VitDynamics d = i == 0 ? null : dyn;
            blocks.add(new ComposedBlock("block" + i, block(d)));
        }
        stages.add(new ComposedStage("blocks", true, blocks));
        List<OperatorUse> tail = new ArrayList<>();
        tail.add(OperatorUse.once("layer norm", Role.OTHER, new NormSpec(TensorShape.of(b, vit.tokens(), vit.dim()))));
        tail.add(OperatorUse.once("classifier", Role.OTHER, new MatmulSpec(b, vit.dim(), vit.classes())));
        stages.add(new ComposedStage("tail", false, List.of(new ComposedBlock("tail", tail))));
        return stages;
    }

    private List<OperatorUse> patchEmbedding() {
        List<OperatorUse> ops = new ArrayList<>();
        ops.add(OperatorUse.once("unfold 16x16", Role.OTHER, new UnfoldSpec(b * 3 * 224 * 224, b * 768 * 196)));
        ops.add(OperatorUse.once("patch projection", Role.OTHER, new MatmulSpec(b * 196, 768, vit.dim())));
        return ops;
    }

    private List<OperatorUse> t2tModule() {
        int d = 64;
        List<OperatorUse> ops = new ArrayList<>();
        ops.add(OperatorUse.once("soft split 7x7/4", Role.OTHER, new UnfoldSpec(b * 3 * 224 * 224, b * 147 * 56 * 56)));
        ops.addAll(performer("t2t1 ", 56 * 56, 147, d));
        ops.add(OperatorUse.once("soft split 3x3/2", Role.OTHER, new UnfoldSpec(b * d * 56 * 56, b * d * 9 * 28 * 28)));
        ops.addAll(performer("t2t2 ", 28 * 28, d * 9, d));
        ops.add(OperatorUse.once("soft split 3x3/2", Role.OTHER, new UnfoldSpec(b * d * 28 * 28, b * d * 9 * 14 * 14)));
        ops.add(OperatorUse.once("t2t projection", Role.OTHER, new MatmulSpec(b * 196, d * 9, vit.dim())));
        return ops;
    }

    /** A token-performer layer (linear attention with random features, kernel ratio 0.5). */
    private List<OperatorUse> performer(String p, int l, int in, int out) {
        int m = out / 2;
        long rows = b * l;
        List<OperatorUse> ops = new ArrayList<>();
        ops.add(OperatorUse.once(p + "norm1", Role.OTHER, new NormSpec(TensorShape.of(b, l, in))));
        ops.add(OperatorUse.once(p + "kqv", Role.ATTENTION, new MatmulSpec(rows, in, 3 * out)));
        // Random-feature maps of k and q: exp-prep, projection, add, exp.
        ops.add(new OperatorUse(p + "prm prep", Role.ATTENTION, ElementwiseSpec.ofShape(TensorShape.of(b, l, out)), 2));
        ops.add(new OperatorUse(p + "prm projection", Role.ATTENTION, new MatmulSpec(rows, out, m), 2));
        ops.add(new OperatorUse(p + "prm add", Role.ATTENTION, new ElementwiseSpec((int) b, l, m), 2));
        ops.add(new OperatorUse(p + "prm exp", Role.ATTENTION, ElementwiseSpec.ofShape(TensorShape.of(b, l, m)), 2));
        ops.add(OperatorUse.once(p + "normaliser", Role.ATTENTION, new MatmulSpec(rows, m, 1)));
        ops.add(OperatorUse.once(p + "kp^T v", Role.ATTENTION, new MatmulSpec(b * out, l, m)));
        ops.add(OperatorUse.once(p + "qp (kp^T v)", Role.ATTENTION, new MatmulSpec(rows, m, out)));
        ops.add(OperatorUse.once(p + "projection", Role.ATTENTION, new MatmulSpec(rows, out, out)));
        ops.add(OperatorUse.once(p + "norm2", Role.OTHER, new NormSpec(TensorShape.of(b, l, out))));
        ops.add(OperatorUse.once(p + "mlp fc1", Role.MLP, new MatmulSpec(rows, out, out)));
        ops.add(OperatorUse.once(p + "mlp gelu", Role.MLP, new ActivationSpec(ActivationFunction.GELU, TensorShape.of(b, l, out))));
        ops.add(OperatorUse.once(p + "mlp fc2", Role.MLP, new MatmulSpec(rows, out, out)));
        return ops;
    }

    /** One encoder block; {@code d == null} means dense (no policies). */
    private List<OperatorUse> block(VitDynamics d) {
        int dim = vit.dim();
        int heads = vit.heads();
        int l = vit.tokens();
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
        int dph = vit.headDim();
        int hidden = dim * vit.mlpRatio();
        List<OperatorUse> ops = new ArrayList<>();
        if (layerSkip) {
            ops.add(OperatorUse.once("layer policy", Role.MASKER, new MatmulSpec(b, dim, 2)));
        }
        if (headSkip) {
            ops.add(OperatorUse.once("head policy", Role.MASKER, new MatmulSpec(b, dim, heads)));
        }
        ops.add(new OperatorUse("layer norm 1", Role.OTHER, new NormSpec(TensorShape.of(b, l, dim)), ld));
        ops.add(new OperatorUse("q/k/v projections", Role.ATTENTION,
                new MatmulSpec(b * l, dim, headSkip ? keptDimRounded : dim), 3 * ld));
        if (tokenSkip) {
            ops.add(new OperatorUse("token policy", Role.MASKER,
                    new MatmulSpec(b * l, headSkip ? keptDimRounded : dim, 1), ld));
        }
        long attnRows = b * keptHeads * ls;
        ops.add(new OperatorUse("q k^T", Role.ATTENTION, new MatmulSpec(attnRows, dph, ls), ld));
        ops.add(new OperatorUse("softmax", Role.ATTENTION, new SoftmaxSpec(TensorShape.of(b, keptHeads, ls, ls)), ld));
        ops.add(new OperatorUse("attn v", Role.ATTENTION, new MatmulSpec(attnRows, ls, dph), ld));
        ops.add(new OperatorUse("attention projection", Role.ATTENTION, headSkip
                ? new MatmulSpec(b * ls, keptDimRounded, keptDimRounded) : new MatmulSpec(b * ls, dim, dim), ld));
        // The reference's add passes (batch, tokens, kept width) as (channels, rows, cols).
        ops.add(new OperatorUse("residual add 1", Role.OTHER,
                new ElementwiseSpec((int) b, ls, headSkip ? keptDimFloor : dim), ld));
        ops.add(new OperatorUse("layer norm 2", Role.OTHER, new NormSpec(TensorShape.of(b, l, dim)), ld));
        ops.add(new OperatorUse("mlp fc1", Role.MLP,
                new MatmulSpec(b * ls, headSkip ? keptDimRounded : dim, hidden), ld));
        ops.add(new OperatorUse("mlp gelu", Role.MLP, new ActivationSpec(ActivationFunction.GELU, TensorShape.of(b, ls, hidden)), ld));
        ops.add(new OperatorUse("mlp fc2", Role.MLP, new MatmulSpec(b * ls, hidden, dim), ld));
        ops.add(new OperatorUse("residual add 2", Role.OTHER, new ElementwiseSpec((int) b, ls, dim), ld));
        return ops;
    }
}
