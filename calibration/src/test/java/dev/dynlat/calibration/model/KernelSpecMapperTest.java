package dev.dynlat.calibration.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.calibration.kernel.AvgPoolKernel;
import dev.dynlat.calibration.kernel.ChannelSkipConvKernel;
import dev.dynlat.calibration.kernel.Conv2dKernel;
import dev.dynlat.calibration.kernel.ElementwiseAddKernel;
import dev.dynlat.calibration.kernel.FullyConnectedKernel;
import dev.dynlat.calibration.kernel.GatherKernel;
import dev.dynlat.calibration.kernel.GlobalAvgPoolKernel;
import dev.dynlat.calibration.kernel.PatchConvKernel;
import dev.dynlat.calibration.kernel.ScatterAddKernel;
import dev.dynlat.calibration.kernel.ScatterKernel;
import dev.dynlat.operators.spec.AvgPoolSpec;
import dev.dynlat.operators.spec.Conv2dSpec;
import dev.dynlat.operators.spec.ElementwiseSpec;
import dev.dynlat.operators.spec.GatherSpec;
import dev.dynlat.operators.spec.LinearSpec;
import dev.dynlat.operators.spec.ReduceSpec;
import dev.dynlat.operators.spec.ScatterSpec;
import dev.dynlat.operators.spec.SpatialConvSpec;
import org.junit.jupiter.api.Test;

class KernelSpecMapperTest {

    @Test
    void denseGroupedAndDepthwiseConvsKeepShapeAndClass() {
        MappedOperator m = KernelSpecMapper.map(new Conv2dKernel(2, 64, 128, 28, 28, 3, 2, 1));
        assertEquals(Conv2dSpec.dense(64, 128, 28, 28, 3, 2, 1), m.spec());
        assertEquals(2, m.batch());
        assertEquals("conv", m.operatorClass());
        assertEquals("depthwise", KernelSpecMapper.map(new Conv2dKernel(1, 32, 32, 14, 14, 3, 1, 32)).operatorClass());
        assertEquals("grouped-conv", KernelSpecMapper.map(new Conv2dKernel(1, 32, 32, 14, 14, 3, 1, 4)).operatorClass());
    }

    @Test
    void convWhoseOutputDiffersFromSameConventionIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> KernelSpecMapper.map(new Conv2dKernel(1, 8, 8, 7, 7, 1, 2, 1)));
        assertThrows(IllegalArgumentException.class,
                () -> KernelSpecMapper.map(new Conv2dKernel(1, 8, 8, 8, 8, 3, 1, 0, 1)));
    }

    @Test
    void fullyConnectedIsALinearLayerWithTheBatch() {
        MappedOperator m = KernelSpecMapper.map(new FullyConnectedKernel(8, 512, 1000));
        assertEquals(new LinearSpec(512, 1000), m.spec());
        assertEquals(8, m.batch());
    }

    @Test
    void gatherAndScattersGiveTheSameActivePatchCount() {
        int[] active = {0, 3, 5, 6, 9};
        GatherSpec g = (GatherSpec) KernelSpecMapper.map(new GatherKernel(1, 16, 14, 14, 4, 1, active)).spec();
        assertEquals(1, g.halo());
        assertEquals(active.length, g.grid().activePatches(g.density()));
        ScatterSpec s = (ScatterSpec) KernelSpecMapper.map(new ScatterKernel(1, 16, 14, 14, 4, active)).spec();
        assertFalse(s.addResidual());
        assertEquals(active.length, s.grid().activePatches(s.density()));
        ScatterSpec sa = (ScatterSpec) KernelSpecMapper.map(new ScatterAddKernel(1, 16, 14, 14, 4, active)).spec();
        assertTrue(sa.addResidual());
        assertEquals("scatter-add", sa.kind());
    }

    @Test
    void densityIsExactForEveryCountOfAnAwkwardGrid() {
        // 7x7 grid of 1x1 patches: k / 49 is not exact in binary for most k
        for (int k = 1; k <= 49; k++) {
            int[] active = java.util.stream.IntStream.range(0, k).toArray();
            ScatterSpec s = (ScatterSpec) KernelSpecMapper.map(new ScatterKernel(1, 4, 7, 7, 1, active)).spec();
            assertEquals(k, s.grid().activePatches(s.density()), "k = " + k);
        }
    }

    @Test
    void patchConvIsASpatialConvOnGatheredInput() {
        PatchConvKernel k = new PatchConvKernel(20, 32, 64, 4, 1, 1);
        SpatialConvSpec s = (SpatialConvSpec) KernelSpecMapper.mapPatchConv(k, 28).spec();
        assertTrue(s.inputGathered());
        assertEquals(0, s.halo());
        assertEquals(3, s.conv().kernel());
        assertEquals(4, s.granularity());
        assertEquals(20, s.grid().activePatches(s.density()));
        SpatialConvSpec auto = (SpatialConvSpec) KernelSpecMapper.map(k).spec();
        assertEquals(20, auto.grid().activePatches(auto.density()));
        assertThrows(IllegalArgumentException.class, () -> KernelSpecMapper.mapPatchConv(k, 8));
    }

    @Test
    void channelSkipConvCarriesDensitiesAndGroup() {
        ChannelSkipConvKernel k = new ChannelSkipConvKernel(1, 64, 32, 14, 14, 3, 1, 4, new int[] {0, 2, 5},
                java.util.stream.IntStream.range(0, 16).toArray());
        Conv2dSpec s = (Conv2dSpec) KernelSpecMapper.map(k).spec();
        assertEquals(16.0 / 64, s.inDensity());
        assertEquals(12.0 / 32, s.outDensity());
        assertEquals(4, s.channelGroup());
        assertEquals(3, s.kernel());
    }

    @Test
    void poolingReductionAndAdd() {
        assertEquals(new AvgPoolSpec(64, 28, 28, 14, 14),
                KernelSpecMapper.map(new AvgPoolKernel(1, 64, 28, 28, 2, 2)).spec());
        assertEquals(new ReduceSpec(256, 7, 7), KernelSpecMapper.map(new GlobalAvgPoolKernel(1, 256, 7, 7)).spec());
        assertEquals(new ElementwiseSpec(128, 28, 28),
                KernelSpecMapper.map(new ElementwiseAddKernel(1, 128, 28, 28)).spec());
    }
}
