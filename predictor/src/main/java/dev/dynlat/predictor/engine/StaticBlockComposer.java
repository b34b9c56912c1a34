package dev.dynlat.predictor.engine;

import dev.dynlat.operators.graph.OperatorGraph;
import dev.dynlat.predictor.dynamic.StageDynamics;
import dev.dynlat.predictor.schedule.Schedule;
import dev.dynlat.predictor.workload.ResidualBlock;

/** The dense block; the shortcut is listed after the add, before SE. */
public final class StaticBlockComposer implements BlockComposer {
    @Override
    public OperatorGraph compose(ResidualBlock b, StageDynamics stage, double rate, Schedule schedule,
                                 Composition composition) {
        OperatorGraph.Builder g = new OperatorGraph.Builder();
        int shortcut = BlockParts.shortcutTensor(g, b, composition);
        int out = BlockParts.denseBranch(g, b, 1, shortcut, () -> BlockParts.shortcut(g, b, composition, shortcut));
        return g.build(out);
    }
}
