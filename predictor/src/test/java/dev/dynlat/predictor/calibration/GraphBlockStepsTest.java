package dev.dynlat.predictor.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dynlat.calibration.kernel.ChannelSkipConvKernel;
import dev.dynlat.calibration.kernel.Conv2dKernel;
import dev.dynlat.calibration.kernel.ElementwiseAddKernel;
import dev.dynlat.calibration.kernel.FullyConnectedKernel;
import dev.dynlat.calibration.kernel.GatherKernel;
import dev.dynlat.calibration.kernel.GlobalAvgPoolKernel;
import dev.dynlat.calibration.kernel.KernelSpec;
import dev.dynlat.calibration.kernel.PatchConvKernel;
import dev.dynlat.calibration.kernel.PatchGrid;
import dev.dynlat.calibration.kernel.ScatterAddKernel;
import dev.dynlat.calibration.suite.BlockCase;
import dev.dynlat.calibration.suite.BlockParadigm;
import dev.dynlat.calibration.suite.BlockStep;
import dev.dynlat.calibration.suite.CalibrationSuite;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The calibration blocks' measured kernels come from the predictor's operator graph: for each paradigm
 * they are the kernels a bottleneck 128-64-128 at 28×28 runs under that schedule (fused masker, gather
 * kernel, scatter-add; pooled MLP masker; gate + branch with the rate as weight).
 */
class GraphBlockStepsTest {
    private static final List<BlockCase> BLOCKS = CalibrationSuite.fullWithBlocks().blocks();

    private static BlockCase find(BlockParadigm p, int granularity, double rate) {
        return BLOCKS.stream().filter(b -> b.paradigm() == p && b.granularity() == granularity && b.rate() == rate)
                .findFirst().orElseThrow();
    }

    private static List<KernelSpec> kernels(BlockCase b) {
        return b.steps().stream().map(BlockStep::kernel).toList();
    }

    @Test
    void spatialBlockRunsFusedMaskerGatherTwoPatchConvsAndScatterAdd() {
        BlockCase b = find(BlockParadigm.SPATIAL, 4, 0.25);
        List<KernelSpec> k = kernels(b);
        assertEquals(5, k.size());
        assertEquals(new Conv2dKernel(1, 128, 65, 28, 28, 1, 1, 1), k.get(0));
        GatherKernel g = (GatherKernel) k.get(1);
        int positions = (int) new PatchGrid(1, 28, 28, 4).patchCount();
        int n = (int) Math.ceil(0.25 * positions);
        assertEquals(n, g.activePatches().length);
        assertEquals(1, g.halo());
        assertEquals(64, g.channels());
        assertEquals(new PatchConvKernel(n, 64, 64, 4, 1, 1), k.get(2));
        assertEquals(new PatchConvKernel(n, 64, 128, 4, 0, 1), k.get(3));
        ScatterAddKernel s = (ScatterAddKernel) k.get(4);
        assertEquals(128, s.channels());
        assertArrayEquals(g.activePatches(), s.activePatches(), "gather and scatter share one mask");
        b.steps().forEach(st -> assertEquals(1.0, st.weight()));
    }

    @Test
    void channelBlockRunsKeptChannelConvsAndTheMaskerMlp() {
        BlockCase b = find(BlockParadigm.CHANNEL, 4, 0.75);
        List<KernelSpec> k = kernels(b);
        assertEquals(7, k.size());
        ChannelSkipConvKernel c1 = (ChannelSkipConvKernel) k.get(0);
        int groups = 64 / 4;
        int kept = (int) Math.round(0.75 * groups);
        assertEquals(kept, c1.keptOutputGroups().length);
        assertArrayEquals(IntStream.range(0, 128).toArray(), c1.keptInputChannels());
        assertEquals(new GlobalAvgPoolKernel(1, 128, 28, 28), k.get(1));
        assertEquals(new FullyConnectedKernel(1, 128, 16), k.get(2));
        assertEquals(new FullyConnectedKernel(1, 16, groups), k.get(3));
        ChannelSkipConvKernel c2 = (ChannelSkipConvKernel) k.get(4);
        assertEquals(3, c2.kernelSize());
        assertArrayEquals(c1.keptOutputGroups(), c2.keptOutputGroups());
        int[] keptChannels = IntStream.of(c1.keptOutputGroups()).flatMap(x -> IntStream.range(4 * x, 4 * x + 4))
                .toArray();
        assertArrayEquals(keptChannels, c2.keptInputChannels());
        ChannelSkipConvKernel c3 = (ChannelSkipConvKernel) k.get(5);
        assertEquals(128 / 4, c3.keptOutputGroups().length);
        assertArrayEquals(keptChannels, c3.keptInputChannels());
        assertEquals(new ElementwiseAddKernel(1, 128, 28, 28), k.get(6));
    }

    @Test
    void layerBlockWeighsTheBranchByTheRate() {
        BlockCase b = find(BlockParadigm.LAYER, 1, 0.75);
        List<KernelSpec> k = kernels(b);
        assertEquals(List.of(new GlobalAvgPoolKernel(1, 128, 28, 28), new FullyConnectedKernel(1, 128, 2),
                new Conv2dKernel(1, 128, 64, 28, 28, 1, 1, 1), new Conv2dKernel(1, 64, 64, 28, 28, 3, 1, 1),
                new Conv2dKernel(1, 64, 128, 28, 28, 1, 1, 1), new ElementwiseAddKernel(1, 128, 28, 28)), k);
        assertEquals(List.of(1.0, 1.0, 0.75, 0.75, 0.75, 0.75), b.steps().stream().map(BlockStep::weight).toList());
    }

    @Test
    void everyBlockHasMeasurableSteps() {
        assertEquals(3 * (4 + 4 + 1), BLOCKS.size());
        for (BlockCase b : BLOCKS) {
            assertEquals(false, b.steps().isEmpty(), b.key());
        }
    }
}
