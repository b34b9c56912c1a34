package dev.dynlat.operators.lowering;

/** How a residual block's input is carried to its residual add. */
public enum Shortcut {
    /** The input itself (same shape). */
    IDENTITY,
    /** A 1×1 convolution with the block's stride (shape changes). */
    PROJECTION,
    /** Average pooling by the stride and zero-padded channels (CIFAR ResNets). */
    PAD
}
