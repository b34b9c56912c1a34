package dev.dynlat.operators.lowering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.operators.graph.BlockRole;
import dev.dynlat.operators.graph.GraphNode;
import dev.dynlat.operators.graph.OperatorGraph;
import dev.dynlat.operators.model.ModelVariant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The lowering's graphs carry the block's dataflow, not only its operators. */
class BlockGraphTest {
    /** A ResNet-50 layer2.0-like bottleneck: stride 2, projection shortcut. */
    private static final BlockDescription DOWN = BlockDescription.bottleneck(256, 128, 512, 56, 2, 1, 3, 0);
    private static final BlockSchedule KERNEL = new BlockSchedule(true, true, 2);

    @Test
    void spatialGraphGathersFromTheMaskedConvAndScattersOntoTheProjection() {
        OperatorGraph g = ResidualLowering.lower(DOWN, BlockDynamics.spatial(4, 0.5), KERNEL,
                CalibratedComposition.INSTANCE);
        GraphNode masker = g.single(BlockRole.SPATIAL_MASKER);
        GraphNode gather = g.single(BlockRole.GATHER);
        GraphNode scatter = g.single(BlockRole.SCATTER);
        GraphNode projection = g.single(BlockRole.PROJECTION);
        assertEquals(List.of(g.input()), masker.inputs());
        assertEquals(List.of(masker.output()), gather.inputs());
        List<GraphNode> convs = g.withRole(BlockRole.CONV);
        assertEquals(List.of(gather.output()), convs.get(0).inputs());
        assertEquals(List.of(convs.get(convs.size() - 1).output(), projection.output()), scatter.inputs());
        assertEquals(scatter.output(), g.output());
        everyTensorButTheOutputIsRead(g);
    }

    @Test
    void layerGraphGatesTheBranchButNotTheShortcut() {
        OperatorGraph g = ResidualLowering.lower(DOWN, BlockDynamics.layer(0.25), KERNEL,
                CalibratedComposition.INSTANCE);
        assertEquals(1, g.single(BlockRole.LAYER_GATE).probability());
        assertEquals(1, g.single(BlockRole.PROJECTION).probability());
        assertEquals(0.25, g.single(BlockRole.RESIDUAL_ADD).probability());
        g.withRole(BlockRole.CONV).forEach(c -> assertEquals(0.25, c.probability()));
    }

    @Test
    void compositionDecidesTheStrideTwoOnlyProjectionOfTheReference() {
        BlockDescription first = BlockDescription.bottleneck(64, 64, 256, 56, 1, 1, 3, 0);
        OperatorGraph laudnet = ResidualLowering.lower(first, BlockDynamics.dense(), KERNEL,
                Composition.of(ModelVariant.LAUDNET));
        OperatorGraph calibrated = ResidualLowering.lower(first, BlockDynamics.dense(), KERNEL,
                Composition.of(ModelVariant.CALIBRATED));
        assertTrue(laudnet.withRole(BlockRole.PROJECTION).isEmpty());
        assertEquals(List.of(laudnet.withRole(BlockRole.CONV).get(2).output(), laudnet.input()),
                laudnet.single(BlockRole.RESIDUAL_ADD).inputs());
        assertEquals(calibrated.single(BlockRole.PROJECTION).output(),
                calibrated.single(BlockRole.RESIDUAL_ADD).inputs().get(1));
    }

    @Test
    void seIsListedLastButRescalesItsConvBeforeTheNextOne() {
        BlockDescription se = BlockDescription.bottleneck(64, 64, 256, 56, 1, 1, 3, 16);
        for (BlockDynamics d : List.of(BlockDynamics.dense(), BlockDynamics.channel(16, 0.5))) {
            OperatorGraph g = ResidualLowering.lower(se, d, KERNEL, CalibratedComposition.INSTANCE);
            GraphNode excite = g.nodes().get(g.nodes().size() - 1);
            assertEquals(BlockRole.SQUEEZE_EXCITATION, excite.role());
            List<GraphNode> convs = g.withRole(BlockRole.CONV);
            assertEquals(List.of(convs.get(se.seAfter()).output()), excite.inputs());
            assertEquals(List.of(excite.output()), convs.get(se.seAfter() + 1).inputs());
            everyTensorButTheOutputIsRead(g);
        }
    }

    /** No operator's result is thrown away, except the maskers' and gates' decisions (read by the runtime). */
    static void everyTensorButTheOutputIsRead(OperatorGraph g) {
        Set<Integer> read = new HashSet<>();
        g.nodes().forEach(n -> read.addAll(n.inputs()));
        for (GraphNode n : g.nodes()) {
            boolean decision = n.role() == BlockRole.CHANNEL_MASKER || n.role() == BlockRole.LAYER_GATE
                    || n.role() == BlockRole.SPATIAL_MASKER && !n.name().contains(" + ");
            assertTrue(decision || n.output() == g.output() || read.contains(n.output()), n.name() + " is never read");
        }
    }
}
