package dev.dynlat.operators.lowering;

import dev.dynlat.operators.spec.ActivationFunction;
import dev.dynlat.operators.spec.ActivationSpec;
import dev.dynlat.operators.spec.BroadcastMulSpec;
import dev.dynlat.operators.spec.NormSpec;
import dev.dynlat.operators.spec.OperatorSpec;
import dev.dynlat.operators.spec.TensorShape;

/**
 * The per-sample operators that act on the channels of each position of a map: a layer norm over
 * the channels (ConvNeXt's channels-last LayerNorm), a per-channel scale (layer scale) and a
 * separate activation pass. A plain operator node and a residual body's layer build them here,
 * so the same layer costs the same whether it is written alone or inside a block; a patch batch
 * is a map one position high with {@code positions} positions.
 */
public final class MapOps {
    private MapOps() {
    }

    /** Normalises the {@code channels} values at each of {@code height × width} positions. */
    public static OperatorSpec norm(int channels, int height, int width) {
        return new NormSpec(TensorShape.of((long) height * width, channels));
    }

    /** Multiplies each channel by its own learned factor. */
    public static OperatorSpec scale(int channels, int height, int width) {
        return new BroadcastMulSpec(channels, height, width);
    }

    /** One read and one write of every element. */
    public static OperatorSpec activation(ActivationFunction f, int channels, int height, int width) {
        return new ActivationSpec(f, TensorShape.of(channels, (long) height * width));
    }
}
