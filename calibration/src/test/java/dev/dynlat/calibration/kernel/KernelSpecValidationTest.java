package dev.dynlat.calibration.kernel;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KernelSpecValidationTest {

    private static void rejects(KernelSpec spec, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, spec::validate);
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "message '" + e.getMessage() + "' lacks '" + f + "'");
        }
    }

    @Test
    void conv2dRejectsBadFields() {
        rejects(new Conv2dKernel(0, 3, 3, 5, 5, 3, 1, 1), "batch", "0");
        rejects(new Conv2dKernel(1, -3, 3, 5, 5, 3, 1, 1), "inChannels", "-3");
        rejects(new Conv2dKernel(1, 6, 4, 5, 5, 3, 1, 4), "groups", "4", "inChannels", "6");
        rejects(new Conv2dKernel(1, 6, 6, 5, 5, 3, 0, 1), "stride", "0");
        rejects(new Conv2dKernel(1, 6, 6, 5, 5, 3, 1, 3, 1), "padding", "3");
        rejects(new Conv2dKernel(1, 6, 6, 2, 2, 7, 1, 0, 1), "kernelSize", "7");
        rejects(new Conv2dKernel(1, 100_000, 100_000, 100, 100, 1, 1, 1), "elements");
        assertDoesNotThrow(() -> new Conv2dKernel(1, 6, 6, 5, 5, 3, 2, 3).validate());
    }

    @Test
    void patchKernelsRejectBadFields() {
        rejects(new GatherKernel(1, 3, 7, 7, 8, 1, new int[] {0}), "granularity", "8");
        rejects(new GatherKernel(1, 3, 7, 7, 3, 1, new int[] {0, 9}), "activePatches[1]", "9");
        rejects(new GatherKernel(1, 3, 7, 7, 3, 1, new int[] {2, 2}), "activePatches[1]", "duplicate");
        rejects(new GatherKernel(1, 3, 7, 7, 3, 1, new int[0]), "activePatches", "empty");
        rejects(new GatherKernel(1, 3, 7, 7, 3, -1, new int[] {0}), "halo", "-1");
        rejects(new GatherKernel(1, 3, 7, 7, 3, 1, null), "activePatches", "null");
        rejects(new ScatterKernel(2, 3, 7, 7, 3, new int[] {18}), "activePatches[0]", "18");
        rejects(new ScatterAddKernel(1, 0, 7, 7, 3, new int[] {1}), "channels", "0");
        rejects(new PatchConvKernel(4, 6, 4, 3, 1, 5, 1), "kernelSize", "5");
        rejects(new PatchConvKernel(4, 6, 4, 3, 1, 4), "groups", "4");
    }

    @Test
    void otherKernelsRejectBadFields() {
        rejects(new FullyConnectedKernel(1, 0, 4), "inFeatures", "0");
        rejects(new ChannelSkipConvKernel(1, 8, 12, 5, 5, 3, 1, 5, new int[] {0}, new int[] {1}), "groupSize", "5");
        rejects(new ChannelSkipConvKernel(1, 8, 12, 5, 5, 3, 1, 4, new int[] {3}, new int[] {1}),
                "keptOutputGroups[0]", "3");
        rejects(new ChannelSkipConvKernel(1, 8, 12, 5, 5, 3, 1, 4, new int[] {0}, new int[] {1, 8}),
                "keptInputChannels[1]", "8");
        rejects(new AvgPoolKernel(1, 2, 5, 5, 6, 1), "kernelSize", "6");
        rejects(new GlobalAvgPoolKernel(1, 2, 0, 5), "height", "0");
        rejects(new ElementwiseAddKernel(1, 2, 5, -5), "width", "-5");
    }

    @Test
    void recordsCopyTheirIndexLists() {
        int[] patches = {1, 2};
        GatherKernel g = new GatherKernel(1, 1, 6, 6, 3, 0, patches);
        patches[0] = 99;
        assertEquals(1, g.activePatches()[0]);
        g.activePatches()[0] = 42;
        assertEquals(1, g.activePatches()[0]);
        assertEquals(g, new GatherKernel(1, 1, 6, 6, 3, 0, new int[] {1, 2}));
        assertNotEquals(g, new GatherKernel(1, 1, 6, 6, 3, 0, new int[] {2, 1}));
    }

    @Test
    void shapesAndFlops() {
        Conv2dKernel c = new Conv2dKernel(2, 4, 8, 7, 9, 3, 2, 2);
        assertEquals(4, c.outHeight());
        assertEquals(5, c.outWidth());
        assertEquals(2.0 * 2 * 8 * 4 * 5 * 2 * 9, c.flops());
        PatchConvKernel p = new PatchConvKernel(3, 4, 5, 3, 1, 1);
        assertEquals(3L * 5 * 3 * 3, p.outputLength());
        assertEquals(3L * 4 * 5 * 5, p.operandLengths()[0]);
    }
}
