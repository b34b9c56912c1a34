package dev.dynlat.operators.lowering;

import dev.dynlat.operators.spec.ChannelMaskerSpec;
import dev.dynlat.operators.spec.OperatorSpec;
import dev.dynlat.operators.spec.ScatterSpec;
import dev.dynlat.operators.spec.SqueezeExcitationSpec;

/**
 * The reference predictor's composition, reproduced so that published numbers regenerate: the
 * projection only for stride-2 blocks (ResNet's stride-1 projection in layer1.0 is omitted), the
 * channel masker sized by the block's input channels, the channel block's residual added through a
 * dense scatter-add, and its SE costed as one dense-granularity patch pass.
 */
public final class LaudnetComposition implements Composition {
    public static final LaudnetComposition INSTANCE = new LaudnetComposition();
    private static final int REDUCTION = 16;

    private LaudnetComposition() {
    }

    @Override
    public boolean composesProjection(BlockDescription b) {
        return b.stride() == 2;
    }

    @Override
    public ChannelMaskerSpec channelMasker(BlockDescription b, int group, int layers) {
        int groups = b.inChannels() / group;
        int hidden = layers == 1 ? 0 : groups / Math.min(REDUCTION, groups);
        var in = b.plan().maskerInput();
        return new ChannelMaskerSpec(in.channels(), in.height(), in.width(), groups, hidden);
    }

    @Override
    public OperatorSpec channelResidualAdd(BlockDescription b) {
        return new ScatterSpec(b.outChannels(), b.outHeight(), b.outWidth(), 1, 1, true);
    }

    @Override
    public SqueezeExcitationSpec channelSe(BlockDescription b) {
        return new SqueezeExcitationSpec(b.seInput().outChannels(), b.outHeight(), b.outWidth(), b.seSqueeze(), 1, 1);
    }
}
