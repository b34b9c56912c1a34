package dev.dynlat.predictor.workload;

/**
 * A ViT: token embedding (T2T module or 16×16 patches), position-embedding add, {@code depth}
 * encoder blocks of width {@code dim} with {@code heads} heads and MLP ratio {@code mlpRatio},
 * then the tail (layer norm and classifier).
 *
 * @param tokens sequence length including the class token
 */
public record VisionTransformer(String name, Embedding embedding, int dim, int depth, int heads, int mlpRatio,
                                int tokens, int classes) implements Network {

    /** How image tokens are produced. */
    public enum Embedding {
        /** Tokens-to-token module: soft splits with two token-performer layers (T2T-ViT). */
        T2T,
        /** 16×16 patch embedding (DeiT). */
        PATCH16
    }

    public int headDim() {
        return dim / heads;
    }

    @Override
    public double denseMacs() {
        double l = tokens;
        double block = l * dim * 3 * dim + 2 * l * l * dim + l * dim * dim + 2 * l * dim * dim * mlpRatio;
        double embed;
        if (embedding == Embedding.PATCH16) {
            embed = 196.0 * 768 * dim;
        } else {
            embed = performerMacs(3136, 147, 64) + performerMacs(784, 576, 64) + 196.0 * 576 * dim;
        }
        return embed + depth * block + (double) dim * classes;
    }

    private static double performerMacs(double l, double in, double out) {
        double m = out / 2;
        return l * in * 3 * out + 2 * l * out * m + l * m + 2 * l * out * m + l * out * out + 2 * l * out * out;
    }
}
