package dev.dynlat.operators.lowering;

import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.spec.ChannelMaskerSpec;
import dev.dynlat.operators.spec.OperatorSpec;
import dev.dynlat.operators.spec.SqueezeExcitationSpec;
import java.util.EnumMap;
import java.util.Map;

/**
 * How blocks are composed into operators where the reference predictor and the training code
 * differ: chosen once per lowering, beside the cost variant, and handed to every
 * {@link BlockComposer}. {@link LaudnetComposition} reproduces the reference's composition (its
 * defects included, see {@code laudnet-paper.md} §A.9); {@link CalibratedComposition} composes
 * blocks as the training code runs them.
 */
public interface Composition {
    /** Whether the block's projection shortcut is composed at all. */
    boolean composesProjection(BlockDescription b);

    /** The channel masker of {@code b} with channel groups of {@code group} channels and {@code layers} MLP layers. */
    ChannelMaskerSpec channelMasker(BlockDescription b, int group, int layers);

    /** The add of a channel-skipping block's residual branch and its shortcut. */
    OperatorSpec channelResidualAdd(BlockDescription b);

    /** Squeeze-excitation in a channel-skipping block. */
    SqueezeExcitationSpec channelSe(BlockDescription b);

    /** The composition each model variant uses. */
    static Composition of(ModelVariant variant) {
        return Registry.BY_VARIANT.get(variant);
    }

    /** The variant → composition table. */
    final class Registry {
        private static final Map<ModelVariant, Composition> BY_VARIANT = new EnumMap<>(Map.of(
                ModelVariant.LAUDNET, LaudnetComposition.INSTANCE,
                ModelVariant.CALIBRATED, CalibratedComposition.INSTANCE));

        private Registry() {
        }
    }
}
