package dev.dynlat.operators.lowering;

import dev.dynlat.operators.graph.BlockRole;
import dev.dynlat.operators.graph.OperatorGraph;
import dev.dynlat.operators.spec.LayerGateSpec;

/**
 * Layer skipping: the gate and the shortcut always run; the residual branch runs with probability
 * {@code rate}, so its expected cost is {@code rate ×} the dense branch.
 */
final class LayerBlockComposer implements BlockComposer {
    @Override
    public OperatorGraph compose(BlockDescription b, BlockDynamics dynamics, BlockSchedule schedule,
                                 Composition composition) {
        OperatorGraph.Builder g = new OperatorGraph.Builder();
        g.add("layer gate", BlockRole.LAYER_GATE, new LayerGateSpec(b.first()), 1, g.input());
        int shortcut = BlockParts.shortcutTensor(g, b, composition);
        BlockParts.shortcut(g, b, composition, shortcut);
        return g.build(BlockParts.denseBranch(g, b, dynamics.rate(), shortcut, () -> { }));
    }
}
