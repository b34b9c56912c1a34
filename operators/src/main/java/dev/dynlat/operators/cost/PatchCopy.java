package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.Efficiency;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.model.Tiling;

/**
 * The shared shape of gather and scatter kernels: move {@code patches} windows of
 * {@code (S + 2·halo)²} pixels per channel between a dense map and a patch batch. Both the dense
 * side and the patch side cross DRAM; the patch side also crosses the on-chip level twice, once
 * with short, poorly coalesced rows. The tiled variants' kernel; the CPU variant walks the rows
 * ({@code CpuPasses#patchRows}).
 */
final class PatchCopy {
    private PatchCopy() {
    }

    static OperatorCost streaming(int channels, int height, int width, int granularity, int halo, long patches,
                                  DeviceModel d) {
        int side = granularity + 2 * halo;
        double dense = (double) channels * height * width;
        double patchElements = (double) channels * patches * side * side;
        double coalescing = Efficiency.coalescing(side, Math.max(0, width - side), d.transactionElements());
        double memory = (dense + patchElements) / d.dramElementsPerS()
                + patchElements / d.l2ElementsPerS() / coalescing
                + patchElements / d.l2ElementsPerS();
        if (d.batch() > 1) {
            memory *= d.batch();
        }
        return new OperatorCost(memory + d.launchS(), 0, memory, d.launchS(), Tiling.NONE, 0,
                (dense + patchElements) * d.batch() * 4);
    }
}
