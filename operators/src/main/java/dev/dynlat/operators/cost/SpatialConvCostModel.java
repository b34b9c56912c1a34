package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.Efficiency;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.model.TileDensity;
import dev.dynlat.operators.model.TileSpace;
import dev.dynlat.operators.model.Tiling;
import dev.dynlat.operators.spec.Conv2dSpec;
import dev.dynlat.operators.spec.SpatialConvSpec;

/**
 * A convolution on the active S×S patches only. Tiles cover part of one patch (channels × rows ×
 * cols) and an engine processes {@code patchesPerTile} active patches together. The schedule is
 * fixed before the mask is known, so it is searched once at the mean active-patch count
 * ({@link #schedule}) and then evaluated at the actual count ({@link #evaluate}): a rate sweep
 * costs one search plus cheap arithmetic.
 */
public final class SpatialConvCostModel implements CostModel<SpatialConvSpec> {
    /** Largest number of patches processed together that the search considers. */
    static final int MAX_PATCH_BATCH = 256;

    @Override
    public OperatorCost cost(SpatialConvSpec spec, DeviceModel d) {
        return evaluate(spec, schedule(spec, d), d);
    }

    /** The tiling chosen at the mean active-patch count; independent of the rate. */
    public Tiling schedule(SpatialConvSpec spec, DeviceModel d) {
        if (d.cpuLibraryKernels()) {
            return Tiling.NONE;
        }
        return PatchSchedule.search(TileSpace.of(MAX_PATCH_BATCH), spec.conv().outChannels(), patchSide(spec, d),
                spec.grid().meanActivePatches(), terms(spec, d), d);
    }

    /** The cost of {@code spec} at its rate under a fixed tiling. */
    public OperatorCost evaluate(SpatialConvSpec spec, Tiling t, DeviceModel d) {
        if (d.cpuLibraryKernels()) {
            return CpuGemm.patchConv(spec, d);
        }
        double active = spec.grid().activePatches(spec.density());
        PatchSchedule.Terms terms = terms(spec, d);
        double memory = PatchSchedule.memoryS(t, active, terms);
        double compute = PatchSchedule.computeS(t, active, terms, d);
        return new OperatorCost(d.mode().combine(compute, memory) + d.launchS(), compute, memory, d.launchS(), t,
                spec.macsPerSample() * d.batch(), dramElements(spec, d, active) * 4);
    }

    private static PatchSchedule.Terms terms(SpatialConvSpec spec, DeviceModel d) {
        return new PatchSchedule.Terms() {
            @Override
            public double memoryS(long tiles, int ct, int ht, int wt, double patches) {
                return memorySeconds(spec, d, tiles, ct, ht, wt, patches);
            }

            @Override
            public double engineS(int ct, int ht, int wt, int npp, double patches) {
                return engineSeconds(spec, d, ct, ht, wt, npp, patches);
            }
        };
    }

    /** Output pixels per patch side: S, plus the halo that the next conv needs (calibrated only). */
    private static int patchSide(SpatialConvSpec spec, DeviceModel d) {
        // The reference passes the halo but never uses it in the latency terms.
        return d.reference() ? spec.granularity() : spec.granularity() + 2 * spec.halo();
    }

    private static double dramElements(SpatialConvSpec spec, DeviceModel d, double patches) {
        Conv2dSpec c = spec.conv();
        int k = c.kernel();
        int s = c.stride();
        int side = patchSide(spec, d);
        double weights = (double) c.outChannels() * (c.inChannels() / c.groups()) * k * k;
        double input;
        if (spec.inputGathered()) {
            double window = (double) (side + k - 1) * s;
            input = patches * c.inChannels() * window * window;
        } else {
            input = (double) c.inChannels() * c.outHeight() * s * c.outWidth() * s;
        }
        double output = patches * c.outChannels() * side * side;
        return weights + input * c.inDensity() * d.batch() + output * c.outDensity() * d.batch();
    }

    private static double memorySeconds(SpatialConvSpec spec, DeviceModel d, long tiles, int ct, int ht, int wt,
                                        double patches) {
        Conv2dSpec c = spec.conv();
        int k = c.kernel();
        int s = c.stride();
        int cinPerGroup = c.inChannels() / c.groups();
        double weightPerTile = (double) ct * cinPerGroup * k * k;
        long groupsTouched = Efficiency.ceilDiv(ct, c.outChannels() / c.groups());
        double inputPerTile = (double) groupsTouched * cinPerGroup * (ht + k - 1) * s * (wt + k - 1) * s * patches;
        double outputPerTile = (double) ct * ht * wt * patches;
        if (d.batch() == 1) {
            weightPerTile *= c.inDensity() * c.outDensity();
        }
        double onChip = (weightPerTile + inputPerTile * c.inDensity() * d.batch()
                + outputPerTile * c.outDensity() * d.batch()) * tiles;
        // The reference computes the coalescing of the patch rows and then overrides it with 1; the
        // calibrated variant charges it as the dense conv does.
        double coalescing = d.reference() ? 1 : Efficiency.coalescing(wt,
                (spec.inputGathered() ? patchSide(spec, d) : c.outWidth()) - wt, d.transactionElements());
        return dramElements(spec, d, patches) / d.dramElementsPerS() + onChip / d.l2ElementsPerS() / coalescing;
    }

    private static double engineSeconds(SpatialConvSpec spec, DeviceModel d, int ct, int ht, int wt, int npp,
                                        double patches) {
        if (patches == 0) {
            return 0;
        }
        Conv2dSpec c = spec.conv();
        int k = c.kernel();
        double batchMacs = (double) ct * ht * wt * (c.inChannels() / c.groups()) * k * k * npp;
        double laneUse = Efficiency.ceilEfficiency((double) ct * ht * wt * d.batch() * npp, d.peakParallelism());
        double seconds = d.macSeconds(batchMacs) / laneUse * Math.ceil(patches / npp);
        double ic = c.inDensity();
        double oc = c.outDensity();
        double straggler = d.reference()
                ? TileDensity.expectedMaxKeptFraction(Efficiency.ceilDiv(c.outChannels(), ct), ct, ic * oc, 1)
                : TileDensity.expectedMaxKeptFraction(Efficiency.ceilDiv(c.outChannels(), ct), ct, oc,
                c.channelGroup());
        seconds *= ic * straggler;
        if (d.batch() > 1) {
            seconds *= d.batch();
        }
        return seconds;
    }
}
