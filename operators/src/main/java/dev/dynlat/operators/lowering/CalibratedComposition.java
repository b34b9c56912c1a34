package dev.dynlat.operators.lowering;

import dev.dynlat.operators.spec.ChannelMaskerSpec;
import dev.dynlat.operators.spec.OperatorSpec;
import dev.dynlat.operators.spec.SqueezeExcitationSpec;

/**
 * Blocks composed as the training code runs them: every projection, the channel masker sized by
 * the masked width, a plain residual add and dense SE.
 */
public final class CalibratedComposition implements Composition {
    public static final CalibratedComposition INSTANCE = new CalibratedComposition();
    private static final int REDUCTION = 16;

    private CalibratedComposition() {
    }

    @Override
    public boolean composesProjection(BlockDescription b) {
        return true;
    }

    @Override
    public ChannelMaskerSpec channelMasker(BlockDescription b, int group, int layers) {
        int groups = b.width() / group;
        int hidden = layers == 1 ? 0 : Math.max(groups / REDUCTION, REDUCTION);
        var in = b.plan().maskerInput();
        return new ChannelMaskerSpec(in.channels(), in.height(), in.width(), groups, hidden);
    }

    @Override
    public OperatorSpec channelResidualAdd(BlockDescription b) {
        return BlockParts.residualAdd(b);
    }

    @Override
    public SqueezeExcitationSpec channelSe(BlockDescription b) {
        return BlockParts.denseSe(b);
    }
}
