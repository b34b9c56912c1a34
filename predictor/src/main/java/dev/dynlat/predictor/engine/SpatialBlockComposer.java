package dev.dynlat.predictor.engine;

import dev.dynlat.predictor.workload.Role;
import dev.dynlat.predictor.workload.OperatorUse;

import dev.dynlat.operators.spec.Conv2dSpec;
import dev.dynlat.operators.spec.ElementwiseSpec;
import dev.dynlat.operators.spec.GatherSpec;
import dev.dynlat.operators.spec.PatchGrid;
import dev.dynlat.operators.spec.ScatterSpec;
import dev.dynlat.operators.spec.SpatialConvSpec;
import dev.dynlat.operators.spec.SpatialMaskerSpec;
import dev.dynlat.operators.spec.SqueezeExcitationSpec;
import dev.dynlat.predictor.dynamic.StageDynamics;
import dev.dynlat.predictor.schedule.Schedule;
import dev.dynlat.predictor.workload.BodyPlan;
import dev.dynlat.predictor.workload.ResidualBlock;
import dev.dynlat.predictor.workload.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * Spatial skipping (LAUDNet^s): the masker, the convs before the gather point on the whole map,
 * the conv at the gather point on the active patches (reading them by indexing, or after a gather
 * kernel), later convs on the patch batch, scatter fused with the residual add (or scatter then
 * add), the shortcut, and SE pooled over the active patches. Per-position layers run where the
 * conv before them ran. With the zoo's layout ({@link BodyPlan#laudnet}) the masker fuses into the
 * first conv and patches gather before the second: a bottleneck gives exactly LAUDNet's block.
 * Elsewhere the masker is its own 1×1 conv to two logits on the tensor it reads.
 *
 * <p>Each patch conv computes a halo around its S×S output patch when later convs need it: walking
 * back from the block output, a k×k conv of stride s turns a halo h on its output into
 * {@code h·s + k/2} on its input, and its patch side into {@code S·s}.
 */
public final class SpatialBlockComposer implements BlockComposer {
    @Override
    public List<OperatorUse> compose(ResidualBlock b, StageDynamics stage, double rate, Schedule schedule,
                                     boolean reference) {
        int s = stage.granularity();
        List<Conv2dSpec> body = b.body();
        BodyPlan plan = b.plan();
        int gatherAt = plan.gatherAt();
        List<OperatorUse> ops = new ArrayList<>();
        if (plan.maskerWithFirstConv()) {
            ops.add(OperatorUse.once("masker + " + b.convName(0), Role.MASKER,
                    new SpatialMaskerSpec(body.get(0), s, rate, body.get(1).kernel())));
            ops.addAll(BlockParts.densePointwise(b, 1, 1));
        } else {
            Shape.FeatureMap m = plan.maskerInput();
            ops.add(OperatorUse.once("masker 1x1 on " + plan.maskerReads(), Role.MASKER,
                    Conv2dSpec.dense(m.channels(), 2, m.height(), m.width(), 1, 1, 1)));
            ops.addAll(BlockParts.densePointwise(b, 0, 1));
            for (int i = 0; i < gatherAt; i++) {
                ops.add(OperatorUse.once(b.convName(i), Role.CONV, body.get(i)));
                ops.addAll(BlockParts.densePointwise(b, i + 1, 1));
            }
        }
        int last = body.size() - 1;
        int[] side = new int[body.size()];
        int[] halo = new int[body.size()];
        int patchSide = s;
        int h = 0;
        for (int i = last; i >= gatherAt; i--) {
            side[i] = patchSide;
            halo[i] = h;
            Conv2dSpec c = body.get(i);
            h = h * c.stride() + c.kernel() / 2;
            patchSide *= c.stride();
        }
        boolean gatherKernel = schedule.gather() == Schedule.GatherMode.KERNEL;
        Conv2dSpec entry = body.get(gatherAt);
        if (gatherKernel) {
            ops.add(OperatorUse.once("gather (halo " + h + ")", Role.GATHER,
                    new GatherSpec(entry.inChannels(), entry.inHeight(), entry.inWidth(),
                            Math.min(patchSide, entry.inHeight()), h, rate)));
        }
        for (int i = gatherAt; i <= last; i++) {
            Conv2dSpec c = body.get(i);
            String label = i > gatherAt ? " on patches" : gatherKernel ? " on gathered patches" : " with indexing";
            ops.add(OperatorUse.once(b.convName(i) + label, Role.CONV,
                    new SpatialConvSpec(c, side[i], rate, gatherKernel || i > gatherAt, halo[i])));
            if (!b.plan().inSlot(i + 1).isEmpty()) {
                long active = new PatchGrid(c.outHeight(), c.outWidth(), side[i]).activePatches(rate);
                long edge = side[i] + 2L * halo[i];
                ops.addAll(BlockParts.partialPointwise(b, i + 1, c.outChannels(), 1, active * edge * edge,
                        " on patches"));
            }
        }
        if (schedule.scatterAddFused()) {
            ops.add(OperatorUse.once("scatter-add", Role.SCATTER,
                    new ScatterSpec(b.outChannels(), b.outSize(), b.outSize(), s, rate, true)));
        } else {
            ops.add(OperatorUse.once("scatter", Role.SCATTER,
                    new ScatterSpec(b.outChannels(), b.outSize(), b.outSize(), s, rate, false)));
            ops.add(OperatorUse.once("residual add", Role.DENSE,
                    new ElementwiseSpec(b.outChannels(), b.outSize(), b.outSize())));
        }
        ops.addAll(BlockParts.shortcut(b, reference));
        if (b.hasSe()) {
            ops.add(OperatorUse.once("squeeze-excitation (active patches)", Role.DENSE,
                    new SqueezeExcitationSpec(b.seInput().outChannels(), b.outSize(), b.outSize(), b.seSqueeze(), s,
                            rate)));
        }
        return ops;
    }
}
