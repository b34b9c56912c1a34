package dev.dynlat.predictor.workload;

/**
 * A transformer block (attention and MLP) on {@code tokens × dim}; token, head and layer skipping
 * apply to it unless {@code dynamic} is false (AdaViT keeps the first block dense).
 * {@code postNorm} puts each layer norm after its residual add (BERT) instead of before the
 * branch (ViT, GPT-2); {@code causal} masks attention to earlier tokens (GPT-2).
 *
 * <p>MACs ({@link #macs()}) are the standard count, {@code 4·l·d² + 2·l²·d + 2·l·d·(r·d)}: q, k,
 * v and output projections, full scores and context, the MLP. A causal block computes only the
 * {@code l·(l+1)/2} unmasked scores and context rows (a masked kernel skips the rest), so its
 * executed MACs are lower than this count; the count stays the standard one (fvcore, ptflops and
 * the published BERT/GPT-2 figures count full attention).
 */
public record EncoderNode(String id, int tokens, int dim, int heads, int mlpRatio, boolean dynamic, boolean postNorm,
                          boolean causal) implements NetworkNode {
    /** A pre-norm, unmasked block (ViT). */
    public EncoderNode(String id, int tokens, int dim, int heads, int mlpRatio, boolean dynamic) {
        this(id, tokens, dim, heads, mlpRatio, dynamic, false, false);
    }

    @Override
    public Shape output() {
        return new Shape.Sequence(tokens, dim);
    }

    @Override
    public String kind() {
        return "transformer-encoder";
    }

    @Override
    public double macs() {
        double l = tokens;
        return l * dim * 3 * dim + 2 * l * l * dim + l * dim * dim + 2 * l * dim * dim * mlpRatio;
    }

    @Override
    public double weights() {
        return 4.0 * dim * dim + 2.0 * dim * dim * mlpRatio;
    }

    @Override
    public boolean backboneBlock() {
        return true;
    }

    @Override
    public <T> T accept(Visitor<T> visitor) {
        return visitor.encoder(this);
    }
}
