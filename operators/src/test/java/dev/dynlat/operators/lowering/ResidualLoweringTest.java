package dev.dynlat.operators.lowering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dynlat.operators.graph.GraphNode;
import dev.dynlat.operators.graph.OperatorGraph;
import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.spec.ChannelMaskerSpec;
import dev.dynlat.operators.spec.Conv2dSpec;
import dev.dynlat.operators.spec.ElementwiseSpec;
import dev.dynlat.operators.spec.GatherSpec;
import dev.dynlat.operators.spec.NormSpec;
import dev.dynlat.operators.spec.ScatterSpec;
import dev.dynlat.operators.spec.SpatialConvSpec;
import dev.dynlat.operators.spec.SpatialMaskerSpec;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The graph each mode lowers a block to, node by node: name, role, the tensors read and the one
 * written (ids handed out in listing order from the input's 0), and the run probability.
 */
class ResidualLoweringTest {
    /** A ResNet-50 layer3-like bottleneck of identity shortcut: 256 → 64 → 256 on 14×14. */
    private static final BlockDescription SAME = BlockDescription.bottleneck(256, 64, 256, 14, 1, 1, 3, 0);
    /** Stride 2 with a projection: 256 → 128 → 512 on 28×28. */
    private static final BlockDescription DOWN = BlockDescription.bottleneck(256, 128, 512, 28, 2, 1, 3, 0);
    private static final BlockSchedule GATHER_FUSED = new BlockSchedule(true, true, 2);
    private static final BlockSchedule INDEXING_UNFUSED = new BlockSchedule(false, false, 2);

    private static List<String> lines(OperatorGraph g) {
        return g.nodes().stream().map(ResidualLoweringTest::line).toList();
    }

    private static String line(GraphNode n) {
        return String.format(Locale.ROOT, "%s %s %s -> %d p%s", n.role(), n.name(), n.inputs(), n.output(),
                n.probability());
    }

    @Test
    void staticBlockIsTheDenseChainAddedToItsInput() {
        OperatorGraph g = ResidualLowering.lower(SAME, BlockDynamics.dense(), GATHER_FUSED,
                CalibratedComposition.INSTANCE);
        assertEquals(List.of(
                "CONV conv1 1x1 [0] -> 1 p1.0",
                "CONV conv2 3x3/1 [1] -> 2 p1.0",
                "CONV conv3 1x1 [2] -> 3 p1.0",
                "RESIDUAL_ADD residual add [3, 0] -> 4 p1.0"), lines(g));
        assertEquals(4, g.output());
        assertEquals(SAME.body(), g.nodes().subList(0, 3).stream().map(GraphNode::spec).toList());
    }

    @Test
    void staticBlockListsItsProjectionAfterTheAddThatReadsIt() {
        OperatorGraph g = ResidualLowering.lower(DOWN, BlockDynamics.dense(), GATHER_FUSED,
                Composition.of(ModelVariant.LAUDNET));
        assertEquals(List.of(
                "CONV conv1 1x1 [0] -> 2 p1.0",
                "CONV conv2 3x3/2 [2] -> 3 p1.0",
                "CONV conv3 1x1 [3] -> 4 p1.0",
                "RESIDUAL_ADD residual add [4, 1] -> 5 p1.0",
                "PROJECTION projection 1x1/2 [0] -> 1 p1.0"), lines(g));
        assertEquals(Conv2dSpec.dense(256, 512, 28, 28, 1, 2, 1), g.nodes().get(4).spec());
    }

    @Test
    void spatialBlockWithAGatherKernelScattersOntoItsInput() {
        OperatorGraph g = ResidualLowering.lower(SAME, BlockDynamics.spatial(4, 0.5), GATHER_FUSED,
                CalibratedComposition.INSTANCE);
        assertEquals(List.of(
                "SPATIAL_MASKER masker + conv1 1x1 [0] -> 1 p1.0",
                "GATHER gather (halo 1) [1] -> 2 p1.0",
                "CONV conv2 3x3/1 on gathered patches [2] -> 3 p1.0",
                "CONV conv3 1x1 on patches [3] -> 4 p1.0",
                "SCATTER scatter-add [4, 0] -> 5 p1.0"), lines(g));
        assertEquals(5, g.output());
        assertEquals(new SpatialMaskerSpec(SAME.first(), 4, 0.5, 3), g.nodes().get(0).spec());
        GatherSpec gather = assertInstanceOf(GatherSpec.class, g.nodes().get(1).spec());
        assertEquals(1, gather.halo());
        SpatialConvSpec conv2 = assertInstanceOf(SpatialConvSpec.class, g.nodes().get(2).spec());
        assertEquals(new SpatialConvSpec(SAME.body().get(1), 4, 0.5, true, 0), conv2);
        assertEquals(new ScatterSpec(256, 14, 14, 4, 0.5, true), g.nodes().get(4).spec());
    }

    @Test
    void spatialBlockReadingByIndexingScattersThenAdds() {
        OperatorGraph g = ResidualLowering.lower(DOWN, BlockDynamics.spatial(2, 0.25), INDEXING_UNFUSED,
                CalibratedComposition.INSTANCE);
        assertEquals(List.of(
                "SPATIAL_MASKER masker + conv1 1x1 [0] -> 1 p1.0",
                "CONV conv2 3x3/2 with indexing [1] -> 2 p1.0",
                "CONV conv3 1x1 on patches [2] -> 3 p1.0",
                "SCATTER scatter [3] -> 5 p1.0",
                "RESIDUAL_ADD residual add [5, 4] -> 6 p1.0",
                "PROJECTION projection 1x1/2 [0] -> 4 p1.0"), lines(g));
        assertEquals(new SpatialConvSpec(DOWN.body().get(1), 2, 0.25, false, 0), g.nodes().get(1).spec());
        assertEquals(new ScatterSpec(512, 14, 14, 2, 0.25, false), g.nodes().get(3).spec());
    }

    @Test
    void channelBlockMasksTheMiddleAndTheCompositionChoosesMaskerAndAdd() {
        OperatorGraph calibrated = ResidualLowering.lower(SAME, BlockDynamics.channel(16, 0.5), GATHER_FUSED,
                CalibratedComposition.INSTANCE);
        List<String> expected = List.of(
                "CONV conv1 1x1 (kept out) [0] -> 1 p1.0",
                "CHANNEL_MASKER channel masker [0] -> 2 p1.0",
                "CONV conv2 3x3/1 (kept in/out) [1] -> 3 p1.0",
                "CONV conv3 1x1 (kept in) [3] -> 4 p1.0",
                "RESIDUAL_ADD residual add [4, 0] -> 5 p1.0");
        assertEquals(expected, lines(calibrated));
        assertEquals(SAME.body().get(1).withDensities(0.5, 0.5, 16), calibrated.nodes().get(2).spec());
        assertEquals(new ChannelMaskerSpec(256, 14, 14, 4, 16), calibrated.nodes().get(1).spec());
        assertInstanceOf(ElementwiseSpec.class, calibrated.nodes().get(4).spec());

        OperatorGraph laudnet = ResidualLowering.lower(SAME, BlockDynamics.channel(16, 0.5), GATHER_FUSED,
                LaudnetComposition.INSTANCE);
        assertEquals(expected, lines(laudnet));
        // the reference sizes the masker by the block's input channels and adds through a scatter-add
        assertEquals(new ChannelMaskerSpec(256, 14, 14, 16, 1), laudnet.nodes().get(1).spec());
        assertEquals(new ScatterSpec(256, 14, 14, 1, 1, true), laudnet.nodes().get(4).spec());
    }

    @Test
    void oneLayerChannelMaskerHasNoHiddenLayer() {
        OperatorGraph g = ResidualLowering.lower(SAME, BlockDynamics.channel(16, 0.5), new BlockSchedule(true, true, 1),
                CalibratedComposition.INSTANCE);
        assertEquals(new ChannelMaskerSpec(256, 14, 14, 4, 0), g.nodes().get(1).spec());
    }

    @Test
    void layerBlockGatesItsBranchAndAlwaysRunsItsShortcut() {
        OperatorGraph g = ResidualLowering.lower(DOWN, BlockDynamics.layer(0.25), GATHER_FUSED,
                CalibratedComposition.INSTANCE);
        assertEquals(List.of(
                "LAYER_GATE layer gate [0] -> 1 p1.0",
                "PROJECTION projection 1x1/2 [0] -> 2 p1.0",
                "CONV conv1 1x1 [0] -> 3 p0.25",
                "CONV conv2 3x3/2 [3] -> 4 p0.25",
                "CONV conv3 1x1 [4] -> 5 p0.25",
                "RESIDUAL_ADD residual add [5, 2] -> 6 p0.25"), lines(g));
    }

    @Test
    void policyBlockHasNoGateAndItsBranchStartsAfterTheShortcut() {
        OperatorGraph g = ResidualLowering.lower(DOWN, BlockDynamics.policy(0.75), GATHER_FUSED,
                CalibratedComposition.INSTANCE);
        assertEquals(List.of(
                "PROJECTION projection 1x1/2 [0] -> 1 p1.0",
                "CONV conv1 1x1 [0] -> 2 p0.75",
                "CONV conv2 3x3/2 [2] -> 3 p0.75",
                "CONV conv3 1x1 [3] -> 4 p0.75",
                "RESIDUAL_ADD residual add [4, 1] -> 5 p0.75"), lines(g));
        assertEquals(1, ResidualLowering.policyBranchFrom(DOWN, CalibratedComposition.INSTANCE));
        // the reference composes no stride-1 projection, so nothing comes before the branch
        BlockDescription widen = BlockDescription.bottleneck(64, 64, 256, 56, 1, 1, 3, 0);
        assertEquals(0, ResidualLowering.policyBranchFrom(widen, LaudnetComposition.INSTANCE));
        assertEquals(1, ResidualLowering.policyBranchFrom(widen, CalibratedComposition.INSTANCE));
    }

    @Test
    void padShortcutPoolsAndPadsTheInput() {
        List<Conv2dSpec> body = List.of(Conv2dSpec.dense(16, 32, 32, 32, 3, 2, 1),
                Conv2dSpec.dense(32, 32, 16, 16, 3, 1, 1));
        BlockDescription basic = BlockDescription.of(body, -1, 0, Shortcut.PAD);
        OperatorGraph g = ResidualLowering.lower(basic, BlockDynamics.dense(), GATHER_FUSED,
                LaudnetComposition.INSTANCE);
        assertEquals(List.of(
                "CONV conv1 3x3/2 [0] -> 2 p1.0",
                "CONV conv2 3x3/1 [2] -> 3 p1.0",
                "RESIDUAL_ADD residual add [3, 1] -> 4 p1.0",
                "SHORTCUT shortcut avg-pool 2x2 [0] -> 5 p1.0",
                "SHORTCUT shortcut zero-pad [5] -> 1 p1.0"), lines(g));
    }

    /**
     * A user's body (3×3 conv, layer norm, 3×3 conv): patches gather before the first conv with the
     * halo both convs need, the masker is its own 1×1 conv on the input, the norm runs on the patches.
     */
    @Test
    void genericBodyGathersBeforeItsFirstConvWithTheWholeHalo() {
        List<Conv2dSpec> body = List.of(Conv2dSpec.dense(32, 32, 16, 16, 3, 1, 1),
                Conv2dSpec.dense(32, 32, 16, 16, 3, 1, 1));
        BodyPlan plan = new BodyPlan(List.of("a 3x3/1", "b 3x3/1"),
                List.of(new PointwiseLayer("ln", PointwiseLayer.Op.NORM, null, 1)), 0, false, "input",
                new MapShape(32, 16, 16), 0);
        BlockDescription b = new BlockDescription(body, -1, 0, Shortcut.IDENTITY, plan);
        OperatorGraph g = ResidualLowering.lower(b, BlockDynamics.spatial(4, 0.5), GATHER_FUSED,
                CalibratedComposition.INSTANCE);
        assertEquals(List.of(
                "SPATIAL_MASKER masker 1x1 on input [0] -> 1 p1.0",
                "GATHER gather (halo 2) [0] -> 2 p1.0",
                "CONV a 3x3/1 on gathered patches [2] -> 3 p1.0",
                "POINTWISE ln on patches [3] -> 4 p1.0",
                "CONV b 3x3/1 on patches [4] -> 5 p1.0",
                "SCATTER scatter-add [5, 0] -> 6 p1.0"), lines(g));
        assertEquals(Conv2dSpec.dense(32, 2, 16, 16, 1, 1, 1), g.nodes().get(0).spec());
        assertEquals(List.of(1, 0), g.withRole(dev.dynlat.operators.graph.BlockRole.CONV).stream()
                .map(n -> ((SpatialConvSpec) n.spec()).halo()).toList());
        // 8 of 16 patches of 4x4, each 4 + 2 halo pixels a side, one row of positions; 32 channels
        assertEquals(8L * 6 * 6, ((NormSpec) g.nodes().get(3).spec()).shape().outer()
                * ((NormSpec) g.nodes().get(3).spec()).shape().rows());
        BlockGraphTest.everyTensorButTheOutputIsRead(g);
    }

    @Test
    void dynamicsAreCheckedAtTheBoundary() {
        assertThrows(IllegalArgumentException.class, () -> BlockDynamics.spatial(0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> BlockDynamics.channel(4, 1.5));
        assertThrows(IllegalArgumentException.class, () -> new BlockSchedule(true, true, 3));
        assertThrows(IllegalArgumentException.class, () -> BlockDescription.of(
                List.of(Conv2dSpec.dense(8, 8, 8, 8, 1, 1, 1)), -1, 0, Shortcut.IDENTITY));
    }
}
