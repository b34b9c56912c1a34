package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.Efficiency;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.model.TileSpace;
import dev.dynlat.operators.model.Tiling;
import dev.dynlat.operators.spec.ScatterSpec;

/**
 * The reference's fused scatter-add (laudnet variant only): a dynamic elementwise kernel tiled
 * over the active patches, its schedule searched at the mean active count ({@link #schedule})
 * and evaluated at the actual count ({@link #evaluate}).
 */
final class LaudnetScatterAdd implements CostTable.Scheduled<ScatterSpec> {
    private final TileOrder order;

    LaudnetScatterAdd(TileOrder order) {
        this.order = order;
    }

    /** Tiling of the fused scatter-add chosen at the mean active-patch count. */
    @Override
    public Tiling schedule(ScatterSpec spec, DeviceModel d) {
        int patches = TileSpace.searchExtent(spec.grid().patches());
        return PatchSchedule.search(order.tileSizes(patches), order, spec.channels(), spec.granularity(),
                spec.grid().meanActivePatches(), terms(spec, d), d);
    }

    @Override
    public OperatorCost evaluate(ScatterSpec spec, Tiling t, DeviceModel d) {
        double active = spec.grid().activePatches(spec.density());
        PatchSchedule.Terms terms = terms(spec, d);
        double memory = PatchSchedule.memoryS(t, active, terms);
        double compute = PatchSchedule.computeS(t, active, terms, d);
        return new OperatorCost(d.mode().combine(compute, memory) + d.launchS(), compute, memory, d.launchS(), t, 0,
                dramElements(spec, active) * d.batch() * 4);
    }

    private static PatchSchedule.Terms terms(ScatterSpec spec, DeviceModel d) {
        return new PatchSchedule.Terms() {
            @Override
            public double memoryS(double tiles, int ct, int ht, int wt, double patches) {
                return memorySeconds(spec, d, tiles, ct, ht, wt, patches);
            }

            @Override
            public double engineS(int ct, int ht, int wt, int npp, double patches) {
                return engineSeconds(spec, d, ct, ht, wt, npp, patches);
            }
        };
    }

    private static double dramElements(ScatterSpec spec, double patches) {
        int s = spec.granularity();
        double dense = (double) spec.channels() * spec.height() * spec.width();
        // Gathered patches and the dense residual in, the dense sum out.
        return patches * spec.channels() * s * s + dense + dense;
    }

    private static double memorySeconds(ScatterSpec spec, DeviceModel d, double tiles, int ct, int ht, int wt,
                                        double patches) {
        double tileElements = (double) ct * ht * wt * patches;
        double onChip = 3 * tileElements * tiles * d.batch();
        double coalescing = Efficiency.coalescing(wt, spec.granularity() - wt, d.transactionElements());
        return dramElements(spec, patches) * d.batch() / d.dramElementsPerS()
                + onChip / d.l2ElementsPerS() / coalescing;
    }

    private static double engineSeconds(ScatterSpec spec, DeviceModel d, int ct, int ht, int wt, int npp,
                                        double patches) {
        double batchWork = (double) ct * ht * wt * npp;
        double laneUse = Efficiency.ceilEfficiency((double) ct * ht * wt * d.batch() * npp, d.peakParallelism());
        return d.macSeconds(batchWork) / laneUse * Math.ceil(patches / npp) * d.batch();
    }
}
