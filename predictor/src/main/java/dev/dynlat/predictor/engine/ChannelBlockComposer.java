package dev.dynlat.predictor.engine;

import dev.dynlat.operators.spec.ChannelMaskerSpec;
import dev.dynlat.operators.spec.Conv2dSpec;
import dev.dynlat.operators.spec.ElementwiseSpec;
import dev.dynlat.operators.spec.ScatterSpec;
import dev.dynlat.operators.spec.SqueezeExcitationSpec;
import dev.dynlat.predictor.dynamic.StageDynamics;
import dev.dynlat.predictor.schedule.Schedule;
import dev.dynlat.predictor.workload.ResidualBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * Channel skipping (LAUDNet^c): the same channel mask gates conv1's outputs, conv2's inputs and
 * outputs, and conv3's inputs; a pooled-input MLP masker produces it. The reference sizes the
 * masker by the block's input channels and adds the residual through a dense scatter-add; the
 * calibrated variant sizes it by the bottleneck width (as the training code does) and uses a
 * plain add.
 */
public final class ChannelBlockComposer implements BlockComposer {
    private static final int REDUCTION = 16;

    @Override
    public List<OperatorUse> compose(ResidualBlock b, StageDynamics stage, double rate, Schedule schedule,
                                     boolean reference) {
        int g = stage.channelGroup();
        int w = b.width();
        int in = b.inSize();
        int out = b.outSize();
        List<OperatorUse> ops = new ArrayList<>();
        ops.add(OperatorUse.once("conv1 1x1 (kept out)", Role.CONV,
                new Conv2dSpec(b.inChannels(), w, in, in, 1, 1, 1, 1, rate, g)));
        ops.add(OperatorUse.once("channel masker", Role.MASKER, masker(b, g, reference,
                schedule.channelMaskerLayers())));
        ops.add(OperatorUse.once("conv2 3x3/" + b.stride() + (b.groups() > 1 ? " g" + b.groups() : "")
                + " (kept in/out)", Role.CONV, new Conv2dSpec(w, w, in, in, 3, b.stride(), b.groups(), rate, rate, g)));
        ops.add(OperatorUse.once("conv3 1x1 (kept in)", Role.CONV,
                new Conv2dSpec(w, b.outChannels(), out, out, 1, 1, 1, rate, 1, g)));
        if (reference) {
            ops.add(OperatorUse.once("residual add", Role.DENSE,
                    new ScatterSpec(b.outChannels(), out, out, 1, 1, true)));
        } else {
            ops.add(OperatorUse.once("residual add", Role.DENSE, new ElementwiseSpec(b.outChannels(), out, out)));
        }
        ops.addAll(BlockParts.projection(b, reference));
        if (b.hasSe()) {
            SqueezeExcitationSpec se = reference
                    ? new SqueezeExcitationSpec(w, out, out, b.seSqueeze(), 1, 1)
                    : BlockParts.denseSe(b);
            ops.add(OperatorUse.once("squeeze-excitation", Role.DENSE, se));
        }
        return ops;
    }

    private static ChannelMaskerSpec masker(ResidualBlock b, int g, boolean reference, int layers) {
        int groups = reference ? b.inChannels() / g : b.width() / g;
        int hidden;
        if (layers == 1) {
            hidden = 0;
        } else if (reference) {
            hidden = groups / Math.min(REDUCTION, groups);
        } else {
            hidden = Math.max(groups / REDUCTION, REDUCTION);
        }
        return new ChannelMaskerSpec(b.inChannels(), b.inSize(), b.inSize(), groups, hidden);
    }
}
