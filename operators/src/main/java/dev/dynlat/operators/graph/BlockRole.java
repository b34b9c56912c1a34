package dev.dynlat.operators.graph;

/**
 * What an operator does inside a dynamic block. Consumers (native programs, calibration blocks,
 * latency breakdowns) select operators by role, never by the type of their spec.
 */
public enum BlockRole {
    /** Spatial masker: its own 1×1 conv to two logits, or fused into the block's first conv. */
    SPATIAL_MASKER,
    /** Channel masker: pooled input through an MLP to one logit per channel group. */
    CHANNEL_MASKER,
    /** Layer gate: pooled input through a linear layer deciding whether the residual branch runs. */
    LAYER_GATE,
    /** Gather of the active patches (with halo) into a patch batch. */
    GATHER,
    /** A convolution of the block's body (dense, on patches, or on kept channels). */
    CONV,
    /** Scatter of the patch batch back into the map, fused with the residual add or not. */
    SCATTER,
    /** The shortcut's 1×1 projection conv. */
    PROJECTION,
    /** The shortcut's pooling or zero channel padding. */
    SHORTCUT,
    /** A per-position layer (norm, activation, scale) between body convs. */
    POINTWISE,
    /** The add of the residual branch and the shortcut. */
    RESIDUAL_ADD,
    /** Squeeze-excitation rescaling one body conv's output. */
    SQUEEZE_EXCITATION
}
