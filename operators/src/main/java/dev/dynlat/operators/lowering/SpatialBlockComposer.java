package dev.dynlat.operators.lowering;

import dev.dynlat.operators.graph.BlockRole;
import dev.dynlat.operators.graph.OperatorGraph;
import dev.dynlat.operators.spec.Conv2dSpec;
import dev.dynlat.operators.spec.GatherSpec;
import dev.dynlat.operators.spec.PatchGrid;
import dev.dynlat.operators.spec.ScatterSpec;
import dev.dynlat.operators.spec.SpatialConvSpec;
import dev.dynlat.operators.spec.SpatialMaskerSpec;
import dev.dynlat.operators.spec.SqueezeExcitationSpec;
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
final class SpatialBlockComposer implements BlockComposer {
    @Override
    public OperatorGraph compose(BlockDescription b, BlockDynamics dynamics, BlockSchedule schedule,
                                 Composition composition) {
        int s = dynamics.granularity();
        double rate = dynamics.rate();
        List<Conv2dSpec> body = b.body();
        BodyPlan plan = b.plan();
        int gatherAt = plan.gatherAt();
        OperatorGraph.Builder g = new OperatorGraph.Builder();
        int[] se = new int[2];
        int cur;
        if (plan.maskerWithFirstConv()) {
            // one conv writes conv1's channels and the mask logits: the gather reads its output
            cur = g.add("masker + " + b.convName(0), BlockRole.SPATIAL_MASKER,
                    new SpatialMaskerSpec(body.get(0), s, rate, body.get(1).kernel()), 1, g.input());
            cur = BlockParts.densePointwise(g, b, 1, 1, cur);
            cur = BlockParts.seHook(g, b, 0, cur, se);
        } else {
            MapShape m = plan.maskerInput();
            g.add("masker 1x1 on " + plan.maskerReads(), BlockRole.SPATIAL_MASKER,
                    Conv2dSpec.dense(m.channels(), 2, m.height(), m.width(), 1, 1, 1), 1, BlockParts.maskerInput(g, plan));
            cur = BlockParts.densePointwise(g, b, 0, 1, g.input());
            for (int i = 0; i < gatherAt; i++) {
                cur = g.add(b.convName(i), BlockRole.CONV, body.get(i), 1, cur);
                cur = BlockParts.densePointwise(g, b, i + 1, 1, cur);
                cur = BlockParts.seHook(g, b, i, cur, se);
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
        boolean gatherKernel = schedule.gatherKernel();
        Conv2dSpec entry = body.get(gatherAt);
        if (gatherKernel) {
            cur = g.add("gather (halo " + h + ")", BlockRole.GATHER,
                    new GatherSpec(entry.inChannels(), entry.inHeight(), entry.inWidth(),
                            Math.min(patchSide, Math.max(entry.inHeight(), entry.inWidth())), h, rate), 1, cur);
        }
        for (int i = gatherAt; i <= last; i++) {
            Conv2dSpec c = body.get(i);
            String label = i > gatherAt ? " on patches" : gatherKernel ? " on gathered patches" : " with indexing";
            cur = g.add(b.convName(i) + label, BlockRole.CONV,
                    new SpatialConvSpec(c, side[i], rate, gatherKernel || i > gatherAt, halo[i]), 1, cur);
            if (!b.plan().inSlot(i + 1).isEmpty()) {
                long active = new PatchGrid(c.outHeight(), c.outWidth(), side[i]).activePatches(rate);
                long edge = side[i] + 2L * halo[i];
                cur = BlockParts.partialPointwise(g, b, i + 1, c.outChannels(), 1, active * edge * edge,
                        " on patches", cur);
            }
            cur = BlockParts.seHook(g, b, i, cur, se);
        }
        int shortcut = BlockParts.shortcutTensor(g, b, composition);
        int out;
        if (schedule.scatterAddFused()) {
            out = g.add("scatter-add", BlockRole.SCATTER,
                    new ScatterSpec(b.outChannels(), b.outHeight(), b.outWidth(), s, rate, true), 1, cur, shortcut);
        } else {
            int scattered = g.add("scatter", BlockRole.SCATTER,
                    new ScatterSpec(b.outChannels(), b.outHeight(), b.outWidth(), s, rate, false), 1, cur);
            out = g.add("residual add", BlockRole.RESIDUAL_ADD, BlockParts.residualAdd(b), 1, scattered, shortcut);
        }
        BlockParts.shortcut(g, b, composition, shortcut);
        if (b.hasSe()) {
            g.addTo(se[1], "squeeze-excitation (active patches)", BlockRole.SQUEEZE_EXCITATION,
                    new SqueezeExcitationSpec(b.seInput().outChannels(), b.outHeight(), b.outWidth(), b.seSqueeze(), s,
                            rate), 1, se[0]);
        }
        return g.build(out);
    }
}
