package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.BestTiling;
import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.Efficiency;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.model.TileSpace;
import dev.dynlat.operators.model.Tiling;
import dev.dynlat.operators.spec.BroadcastMulSpec;
import dev.dynlat.operators.spec.LinearSpec;
import dev.dynlat.operators.spec.PatchGrid;
import dev.dynlat.operators.spec.ReduceSpec;
import dev.dynlat.operators.spec.SqueezeExcitationSpec;

/**
 * Squeeze-and-excitation as four kernels: pooling, two FCs, channel-wise scaling. In its dynamic
 * form the pooling reads only the gathered active patches; its schedule (patch batch, tile) is
 * chosen at the mean active-patch count, then evaluated at the actual count.
 */
public final class SqueezeExcitationCostModel implements CostModel<SqueezeExcitationSpec> {
    private final LinearCostModel linear = new LinearCostModel();

    @Override
    public OperatorCost cost(SqueezeExcitationSpec spec, DeviceModel d) {
        int c = spec.channels();
        OperatorCost fc1 = Parts.of(linear, new LinearSpec(c, spec.squeeze()), d);
        OperatorCost fc2 = Parts.of(linear, new LinearSpec(spec.squeeze(), c), d);
        BestTiling mul = BroadcastMulCostModel.search(new BroadcastMulSpec(c, spec.height(), spec.width()), d);
        OperatorCost pool = !spec.dynamic() ? staticPool(spec, d) : d.reference() ? dynamicPool(spec, d)
                : activeRowsPool(spec, d);
        OperatorCost scale = new OperatorCost(mul.latencyS() + d.launchS(), mul.computeS(), mul.memoryS(),
                d.launchS(), mul.tiling(), 0, 0);
        OperatorCost total = pool.plus(fc1).plus(fc2).plus(scale);
        return new OperatorCost(total.latencyS(), total.computeS(), total.memoryS(), total.launchS(), pool.tiling(),
                spec.macsPerSample() * d.batch() + (double) c * spec.height() * spec.width() * d.batch(),
                fc1.dramBytes() + fc2.dramBytes() + 4.0 * (3.0 * c * spec.height() * spec.width()) * d.batch());
    }

    private static OperatorCost staticPool(SqueezeExcitationSpec spec, DeviceModel d) {
        BestTiling b = ReduceCostModel.search(new ReduceSpec(spec.channels(), spec.height(), spec.width()), d);
        return new OperatorCost(b.latencyS() + d.launchS(), b.computeS(), b.memoryS(), d.launchS(), b.tiling(), 0, 0);
    }

    /**
     * The calibrated dynamic pooling: the same reduction as the dense SE over only the active
     * pixels (taken as whole rows of the map), so it never undercuts the dense pooling at rate 1.
     */
    private static OperatorCost activeRowsPool(SqueezeExcitationSpec spec, DeviceModel d) {
        int s = spec.granularity();
        double area = (double) spec.height() * spec.width();
        double active = Math.min(area, new PatchGrid(spec.height(), spec.width(), s).activePatches(spec.density())
                * (double) s * s);
        int rows = (int) Math.ceil(active / spec.width());
        if (rows == 0) {
            return new OperatorCost(d.launchS(), 0, 0, d.launchS(), Tiling.NONE, 0, 0);
        }
        BestTiling b = ReduceCostModel.search(new ReduceSpec(spec.channels(), rows, spec.width()), d);
        return new OperatorCost(b.latencyS() + d.launchS(), b.computeS(), b.memoryS(), d.launchS(), b.tiling(), 0, 0);
    }

    private static OperatorCost dynamicPool(SqueezeExcitationSpec spec, DeviceModel d) {
        int c = spec.channels();
        int s = spec.granularity();
        PatchGrid grid = new PatchGrid(spec.height(), spec.width(), s);
        PatchSchedule.Terms terms = new PatchSchedule.Terms() {
            @Override
            public double memoryS(long tiles, int ct, int ht, int wt, double patches) {
                return poolMemory(spec, d, tiles, ct, ht, wt, patches);
            }

            @Override
            public double engineS(int ct, int ht, int wt, int npp, double patches) {
                return poolEngineSeconds(d, ct, ht, wt, npp, patches);
            }

            @Override
            public double extraComputeS(int ct, long rowTiles, long colTiles) {
                return ReduceCostModel.treeReduceSeconds(ct, rowTiles * colTiles, d);
            }
        };
        Tiling t = PatchSchedule.search(TileSpace.of((int) grid.patches()), c, s, grid.meanActivePatches(), terms, d);
        double active = grid.activePatches(spec.density());
        double memory = PatchSchedule.memoryS(t, active, terms);
        // The final evaluation counts partial results over the whole map, not one patch, as the
        // reference does; kept so that published numbers are reproduced.
        long partials = Efficiency.ceilDiv(spec.height(), t.rowTile()) * Efficiency.ceilDiv(spec.width(), t.colTile());
        double compute = PatchSchedule.computeS(t, active, terms, d)
                + ReduceCostModel.treeReduceSeconds(t.channelTile(), partials, d);
        return new OperatorCost(d.mode().combine(compute, memory) + d.launchS(), compute, memory, d.launchS(), t, 0, 0);
    }

    private static double poolMemory(SqueezeExcitationSpec spec, DeviceModel d, long tiles, int ct, int ht, int wt,
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
