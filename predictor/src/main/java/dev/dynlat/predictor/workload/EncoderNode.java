package dev.dynlat.predictor.workload;

/**
 * A transformer encoder block (pre-norm attention and MLP) on {@code tokens × dim}; token, head
 * and layer skipping apply to it unless {@code dynamic} is false (AdaViT keeps the first block
 * dense).
 */
public record EncoderNode(String id, int tokens, int dim, int heads, int mlpRatio, boolean dynamic)
        implements NetworkNode {
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
