package dev.dynlat.predictor.workload;

import java.util.Locale;

/** What an operator does in its block; breakdowns group by it. */
public enum Role {
    /** Spatial/channel masker, layer gate, ViT policy heads. */
    MASKER,
    /** Standalone gather of active patches. */
    GATHER,
    /** The block's main convolutions (dense, on patches, or channel-skipping). */
    CONV,
    /** Scatter of patches back into the map (fused with the residual add or not). */
    SCATTER,
    /** Everything else that always runs densely: projection shortcut, residual add, SE, pooling. */
    DENSE,
    /** Transformer attention: qkv, attention matmuls, softmax, projection. */
    ATTENTION,
    /** Transformer MLP. */
    MLP,
    /** Layer norms, residual adds and embeddings of a transformer. */
    OTHER,
    /** Classifier heads of early exits. */
    EXIT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
