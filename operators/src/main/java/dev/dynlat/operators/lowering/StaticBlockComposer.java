package dev.dynlat.operators.lowering;

import dev.dynlat.operators.graph.OperatorGraph;

/** The dense block; the shortcut is listed after the add, before SE. */
final class StaticBlockComposer implements BlockComposer {
    @Override
    public OperatorGraph compose(BlockDescription b, BlockDynamics dynamics, BlockSchedule schedule,
                                 Composition composition) {
        OperatorGraph.Builder g = new OperatorGraph.Builder();
        int shortcut = BlockParts.shortcutTensor(g, b, composition);
        int out = BlockParts.denseBranch(g, b, 1, shortcut, () -> BlockParts.shortcut(g, b, composition, shortcut));
        return g.build(out);
    }
}
