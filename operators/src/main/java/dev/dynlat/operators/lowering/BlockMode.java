package dev.dynlat.operators.lowering;

/**
 * How a residual block skips work when it is lowered: the paradigm of its stage, or the policy
 * network that decides it. One {@link BlockComposer} per mode ({@link ResidualLowering}).
 */
public enum BlockMode {
    /** The dense block. */
    STATIC,
    /** Spatial masks on S×S output patches: masker, gather, convs on patches, scatter. */
    SPATIAL,
    /** Channel masks on groups of G channels in the block's convs. */
    CHANNEL,
    /** A gate of its own runs or skips the residual branch. */
    LAYER,
    /** A policy network that ran before the backbone runs or skips the residual branch (BlockDrop). */
    POLICY
}
