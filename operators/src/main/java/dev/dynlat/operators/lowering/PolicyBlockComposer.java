package dev.dynlat.operators.lowering;

import dev.dynlat.operators.graph.OperatorGraph;

/**
 * A block a policy network decides (BlockDrop): the shortcut always runs (a stage's first block
 * keeps its projection or pooling even when dropped), the residual branch runs with probability
 * {@code rate}. The shortcut comes first, so {@link #conditionalFrom} tells where the gated part
 * starts. There is no gate of its own: the policy ran once before the backbone.
 */
final class PolicyBlockComposer implements BlockComposer {
    @Override
    public OperatorGraph compose(BlockDescription b, BlockDynamics dynamics, BlockSchedule schedule,
                                 Composition composition) {
        OperatorGraph.Builder g = new OperatorGraph.Builder();
        int shortcut = BlockParts.shortcutTensor(g, b, composition);
        BlockParts.shortcut(g, b, composition, shortcut);
        return g.build(BlockParts.denseBranch(g, b, dynamics.rate(), shortcut, () -> { }));
    }

    /** Index of the first operator of the residual branch in {@link #compose}'s graph. */
    static int conditionalFrom(BlockDescription b, Composition composition) {
        return BlockParts.shortcutSize(b, composition);
    }
}
