package dev.dynlat.predictor.engine;

import dev.dynlat.predictor.workload.Role;
import dev.dynlat.predictor.workload.OperatorUse;

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
 * Channel skipping (LAUDNet^c): one channel mask gates the first conv's outputs, the inputs and
 * outputs of the middle convs, and the last conv's inputs; a pooled-input MLP masker produces it.
 * A block's {@link dev.dynlat.predictor.workload.BodyPlan} may start the mask at a later conv (the
 * convs before it run densely) and let the masker pool another tensor than the block input;
 * per-position layers after a masked conv run on the kept channels.
 * The reference sizes the masker by the block's input channels and adds the residual through a
 * dense scatter-add; the calibrated variant sizes it by the masked width (as the training code
 * does) and uses a plain add.
 */
public final class ChannelBlockComposer implements BlockComposer {
    private static final int REDUCTION = 16;

    @Override
    public List<OperatorUse> compose(ResidualBlock b, StageDynamics stage, double rate, Schedule schedule,
                                     boolean reference) {
        int g = stage.channelGroup();
        List<Conv2dSpec> body = b.body();
        int last = body.size() - 1;
        int from = b.plan().channelMaskFrom();
        List<OperatorUse> ops = new ArrayList<>(BlockParts.densePointwise(b, 0, 1));
        for (int i = 0; i <= last; i++) {
            Conv2dSpec c = body.get(i);
            double in = i <= from ? 1 : rate;
            double out = i == last || i < from ? 1 : rate;
            String kept = i < from ? "" : i == from ? " (kept out)" : i == last ? " (kept in)" : " (kept in/out)";
            ops.add(OperatorUse.once(b.convName(i) + kept, Role.CONV, i < from ? c : c.withDensities(in, out, g)));
            if (i == from) {
                ops.add(OperatorUse.once("channel masker", Role.MASKER, masker(b, g, reference,
                        schedule.channelMaskerLayers())));
            }
            if (out == 1) {
                ops.addAll(BlockParts.densePointwise(b, i + 1, 1));
            } else if (!b.plan().inSlot(i + 1).isEmpty()) {
                int keptChannels = (int) Math.ceil(rate * c.outChannels() / g - 1e-9) * g;
                ops.addAll(BlockParts.partialPointwise(b, i + 1, keptChannels, c.outHeight(), c.outWidth(),
                        " (kept)"));
            }
        }
        int size = b.outSize();
        if (reference) {
            ops.add(OperatorUse.once("residual add", Role.DENSE, new ScatterSpec(b.outChannels(), size, size, 1, 1, true)));
        } else {
            ops.add(OperatorUse.once("residual add", Role.DENSE, new ElementwiseSpec(b.outChannels(), size, size)));
        }
        ops.addAll(BlockParts.shortcut(b, reference));
        if (b.hasSe()) {
            SqueezeExcitationSpec se = reference
                    ? new SqueezeExcitationSpec(b.seInput().outChannels(), size, size, b.seSqueeze(), 1, 1)
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
        var in = b.plan().maskerInput();
        return new ChannelMaskerSpec(in.channels(), in.height(), in.width(), groups, hidden);
    }
}
