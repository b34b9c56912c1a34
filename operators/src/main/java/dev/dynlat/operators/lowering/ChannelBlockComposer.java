package dev.dynlat.operators.lowering;

import dev.dynlat.operators.graph.BlockRole;
import dev.dynlat.operators.graph.OperatorGraph;
import dev.dynlat.operators.spec.Conv2dSpec;
import java.util.List;

/**
 * Channel skipping (LAUDNet^c): one channel mask gates the first conv's outputs, the inputs and
 * outputs of the middle convs, and the last conv's inputs; a pooled-input MLP masker produces it.
 * A block's {@link BodyPlan} may start the mask at a later conv (the convs before it run densely)
 * and let the masker pool another tensor than the block input;
 * per-position layers after a masked conv run on the kept channels. The {@link Composition} sizes
 * the masker and chooses the residual add and SE.
 */
final class ChannelBlockComposer implements BlockComposer {
    @Override
    public OperatorGraph compose(BlockDescription b, BlockDynamics dynamics, BlockSchedule schedule,
                                 Composition composition) {
        int g = dynamics.channelGroup();
        double rate = dynamics.rate();
        List<Conv2dSpec> body = b.body();
        int last = body.size() - 1;
        int from = b.plan().channelMaskFrom();
        OperatorGraph.Builder graph = new OperatorGraph.Builder();
        int[] se = new int[2];
        int cur = BlockParts.densePointwise(graph, b, 0, 1, graph.input());
        for (int i = 0; i <= last; i++) {
            Conv2dSpec c = body.get(i);
            double in = i <= from ? 1 : rate;
            double out = i == last || i < from ? 1 : rate;
            String kept = i < from ? "" : i == from ? " (kept out)" : i == last ? " (kept in)" : " (kept in/out)";
            cur = graph.add(b.convName(i) + kept, BlockRole.CONV, i < from ? c : c.withDensities(in, out, g), 1, cur);
            if (i == from) {
                graph.add("channel masker", BlockRole.CHANNEL_MASKER,
                        composition.channelMasker(b, g, schedule.channelMaskerLayers()), 1,
                        BlockParts.maskerInput(graph, b.plan()));
            }
            if (out == 1) {
                cur = BlockParts.densePointwise(graph, b, i + 1, 1, cur);
            } else if (!b.plan().inSlot(i + 1).isEmpty()) {
                int keptChannels = (int) Math.ceil(rate * c.outChannels() / g - 1e-9) * g;
                cur = BlockParts.partialPointwise(graph, b, i + 1, keptChannels, c.outHeight(), c.outWidth(),
                        " (kept)", cur);
            }
            cur = BlockParts.seHook(graph, b, i, cur, se);
        }
        int shortcut = BlockParts.shortcutTensor(graph, b, composition);
        int result = graph.add("residual add", BlockRole.RESIDUAL_ADD, composition.channelResidualAdd(b), 1, cur,
                shortcut);
        BlockParts.shortcut(graph, b, composition, shortcut);
        if (b.hasSe()) {
            graph.addTo(se[1], "squeeze-excitation", BlockRole.SQUEEZE_EXCITATION, composition.channelSe(b), 1, se[0]);
        }
        return graph.build(result);
    }
}
