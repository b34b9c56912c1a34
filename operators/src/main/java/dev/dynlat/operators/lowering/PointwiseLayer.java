package dev.dynlat.operators.lowering;

import dev.dynlat.operators.spec.ActivationFunction;
import dev.dynlat.operators.spec.OperatorSpec;
import java.util.Objects;

/**
 * A layer of a residual body that works on each position's channels alone (layer norm over the
 * channels, per-channel scale, separate activation, squeeze-excitation excluded). Because it
 * needs no neighbours, it runs wherever the convolution before it ran: on the full map, on the
 * active patches, or on the kept channels.
 *
 * @param name display name in predictions
 * @param op what it computes
 * @param function the activation ({@link Op#ACTIVATION} only, null otherwise)
 * @param slot where it sits: 0 before the first conv, {@code i + 1} after body conv {@code i}
 */
public record PointwiseLayer(String name, Op op, ActivationFunction function, int slot) {
    /** The pointwise layer kinds. */
    public enum Op {
        /** Layer norm over the channels at each position (2 × channels weights). */
        NORM,
        /** Per-channel scale (channels weights). */
        SCALE,
        /** A separate activation pass. */
        ACTIVATION
    }

    public PointwiseLayer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(op, "op");
        if ((op == Op.ACTIVATION) != (function != null)) {
            throw new IllegalArgumentException("function: an activation layer needs exactly one function, got "
                    + function + " for " + op);
        }
        if (slot < 0) {
            throw new IllegalArgumentException("slot: must be ≥ 0, got " + slot);
        }
    }

    /** The operator over {@code channels × height × width} elements of one sample. */
    public OperatorSpec over(int channels, int height, int width) {
        return switch (op) {
            case NORM -> MapOps.norm(channels, height, width);
            case SCALE -> MapOps.scale(channels, height, width);
            case ACTIVATION -> MapOps.activation(function, channels, height, width);
        };
    }

    /** Learned parameters on a map of {@code channels} channels. */
    public double weights(int channels) {
        return switch (op) {
            case NORM -> 2.0 * channels;
            case SCALE -> channels;
            case ACTIVATION -> 0;
        };
    }
}
