package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.Efficiency;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.model.TileSpace;
import dev.dynlat.operators.model.Tiling;
import dev.dynlat.operators.spec.PatchGrid;
import dev.dynlat.operators.spec.SqueezeExcitationSpec;

/**
 * The reference's pooling of a spatially dynamic SE (laudnet variant only): a patch operator over
 * the gathered active patches whose schedule (patch batch, tile) is chosen at the mean
 * active-patch count and then evaluated at the actual count, followed by a tree reduction.
 */
final class LaudnetSePool {
    private LaudnetSePool() {
    }

    static OperatorCost cost(SqueezeExcitationSpec spec, DeviceModel d, TileOrder order) {
        int c = spec.channels();
        int s = spec.granularity();
        PatchGrid grid = new PatchGrid(spec.height(), spec.width(), s);
        PatchSchedule.Terms terms = new PatchSchedule.Terms() {
            @Override
            public double memoryS(double tiles, int ct, int ht, int wt, double patches) {
                return poolMemory(spec, d, tiles, ct, ht, wt, patches);
            }

            @Override
            public double engineS(int ct, int ht, int wt, int npp, double patches) {
                return poolEngineSeconds(d, ct, ht, wt, npp, patches);
            }

            @Override
            public double extraComputeS(int ct, long rowTiles, long colTiles) {
                return ReduceTiles.treeReduceSeconds(ct, rowTiles * colTiles, d);
            }
        };
        int patches = TileSpace.searchExtent(grid.patches());
        Tiling t = PatchSchedule.search(order.tileSizes(patches), order, c, s, grid.meanActivePatches(), terms, d);
        double active = grid.activePatches(spec.density());
        double memory = PatchSchedule.memoryS(t, active, terms);
        // The final evaluation counts partial results over the whole map, not one patch, as the
        // reference does; kept so that published numbers are reproduced.
        long partials = Efficiency.ceilDiv(spec.height(), t.rowTile()) * Efficiency.ceilDiv(spec.width(), t.colTile());
        double compute = PatchSchedule.computeS(t, active, terms, d)
                + ReduceTiles.treeReduceSeconds(t.channelTile(), partials, d);
        return new OperatorCost(d.mode().combine(compute, memory) + d.launchS(), compute, memory, d.launchS(), t, 0, 0);
    }

    private static double poolMemory(SqueezeExcitationSpec spec, DeviceModel d, double tiles, int ct, int ht, int wt,
                                     double patches) {
        int s = spec.granularity();
        double perTile = (double) ct * ht * wt * patches + ct;
        double reduceIn = (double) ct * Efficiency.ceilDiv(spec.height(), ht) * Efficiency.ceilDiv(spec.width(), wt);
        double onChip = perTile * tiles + reduceIn + ct;
        double dram = patches * spec.channels() * s * s + (double) spec.channels() * spec.height() * spec.width();
        double coalescing = Efficiency.coalescing(wt, s - wt, d.transactionElements());
        return (dram / d.dramElementsPerS() + onChip / d.l2ElementsPerS() / coalescing) * d.batch();
    }

    private static double poolEngineSeconds(DeviceModel d, int ct, int ht, int wt, int npp, double patches) {
        double batchWork = (double) ct * ht * wt * npp;
        double laneUse = Efficiency.ceilEfficiency((double) ct * npp, d.peakParallelism());
        double seconds = d.macSeconds(batchWork) / laneUse * Math.ceil(patches / npp);
        double reduceUse = Efficiency.ceilEfficiency(ct, d.peakParallelism());
        seconds += d.macSeconds((double) ct * npp) / reduceUse;
        return seconds * d.batch();
    }
}
