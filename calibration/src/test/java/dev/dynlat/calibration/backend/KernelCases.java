package dev.dynlat.calibration.backend;

import dev.dynlat.calibration.kernel.AvgPoolKernel;
import dev.dynlat.calibration.kernel.ChannelSkipConvKernel;
import dev.dynlat.calibration.kernel.Conv2dKernel;
import dev.dynlat.calibration.kernel.ElementwiseAddKernel;
import dev.dynlat.calibration.kernel.FullyConnectedKernel;
import dev.dynlat.calibration.kernel.GatherKernel;
import dev.dynlat.calibration.kernel.GlobalAvgPoolKernel;
import dev.dynlat.calibration.kernel.KernelSpec;
import dev.dynlat.calibration.kernel.PatchConvKernel;
import dev.dynlat.calibration.kernel.ScatterAddKernel;
import dev.dynlat.calibration.kernel.ScatterKernel;
import java.util.List;

/** Small, odd-sized specs that exercise edge handling of every kernel. */
final class KernelCases {
    private KernelCases() {
    }

    static List<KernelSpec> all() {
        int[] patches = {0, 4, 8, 10, 17}; // 7x7 map, S = 3: 3x3 grid per image; 8 and 17 stick out of the map
        return List.of(
                new Conv2dKernel(2, 5, 7, 3, 5, 3, 1, 1),
                new Conv2dKernel(1, 6, 4, 7, 9, 3, 2, 2),
                new Conv2dKernel(2, 7, 7, 5, 6, 3, 2, 7),
                new Conv2dKernel(1, 7, 14, 5, 5, 3, 1, 7),
                new Conv2dKernel(1, 13, 11, 5, 3, 1, 1, 1),
                new Conv2dKernel(3, 13, 11, 5, 3, 1, 2, 1),
                new Conv2dKernel(1, 3, 5, 7, 7, 5, 1, 1, 1),
                new Conv2dKernel(1, 32, 40, 9, 10, 3, 1, 1),
                new Conv2dKernel(1, 67, 13, 11, 9, 3, 1, 1), // K = 603: three reduction blocks of the GEMM
                new Conv2dKernel(2, 24, 30, 6, 7, 1, 1, 1),
                // tiled GEMM edges: two 64-row tiles, two groups on the grid's z, FC from batch 8 on
                new Conv2dKernel(1, 20, 70, 9, 8, 3, 1, 1),
                new Conv2dKernel(1, 34, 36, 6, 5, 3, 2, 2),
                new FullyConnectedKernel(9, 45, 70),
                new FullyConnectedKernel(3, 37, 19),
                new FullyConnectedKernel(1, 300, 70),
                new GatherKernel(2, 3, 7, 7, 3, 1, patches),
                new GatherKernel(1, 2, 5, 7, 2, 0, new int[] {11, 0, 3, 7}),
                new GatherKernel(1, 4, 7, 7, 3, 2, new int[] {4, 8}),
                new ScatterKernel(2, 3, 7, 7, 3, patches),
                new ScatterAddKernel(2, 3, 7, 7, 3, patches),
                new ScatterAddKernel(3, 5, 5, 6, 2, new int[] {26, 1, 13, 9}),
                new PatchConvKernel(5, 6, 4, 3, 1, 1),
                new PatchConvKernel(4, 6, 4, 3, 1, 2),
                new PatchConvKernel(3, 7, 7, 2, 1, 7),
                new PatchConvKernel(5, 8, 9, 3, 0, 1),
                new PatchConvKernel(7, 20, 36, 5, 1, 1),
                new ChannelSkipConvKernel(2, 9, 12, 5, 6, 3, 1, 3, new int[] {3, 0}, new int[] {8, 1, 4, 5}),
                new ChannelSkipConvKernel(1, 7, 8, 7, 5, 1, 2, 2, new int[] {1}, new int[] {6, 0, 2}),
                new ChannelSkipConvKernel(1, 16, 24, 8, 9, 3, 1, 4, new int[] {5, 2, 3}, new int[] {0, 2, 4, 6, 8, 15}),
                new AvgPoolKernel(2, 3, 7, 6, 3, 2),
                new AvgPoolKernel(1, 2, 5, 5, 2, 2),
                new GlobalAvgPoolKernel(2, 5, 3, 7),
                new ElementwiseAddKernel(2, 3, 5, 7));
    }
}
