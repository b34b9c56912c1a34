package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.Efficiency;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.model.TileDensity;
import dev.dynlat.operators.model.Tiling;
import dev.dynlat.operators.spec.Conv2dSpec;
import dev.dynlat.operators.spec.SpatialConvSpec;

/**
 * A convolution on the active S×S patches only. Tiles cover part of one patch (channels × rows ×
 * cols) and an engine processes {@code patchesPerTile} active patches together. The schedule is
 * fixed before the mask is known, so it is searched once at the mean active-patch count
 * ({@link #schedule}) and then evaluated at the actual count ({@link #evaluate}): a rate sweep
 * costs one search plus cheap arithmetic. The tiled variants' patch conv, with their knobs.
 */
final class PatchConvTiles implements CostTable.Scheduled<SpatialConvSpec> {
    /** Largest number of patches processed together that the search considers. */
    static final int MAX_PATCH_BATCH = 256;

    private final TiledKnobs v;

    PatchConvTiles(TiledKnobs knobs) {
        this.v = knobs;
    }

    /** The tiling chosen at the mean active-patch count; independent of the rate. */
    @Override
    public Tiling schedule(SpatialConvSpec spec, DeviceModel d) {
        return PatchSchedule.search(v.tileSizes(MAX_PATCH_BATCH), v, spec.conv().outChannels(), v.patchSide(spec),
                spec.grid().meanActivePatches(), terms(spec, d, v), d);
    }

    /** The cost of {@code spec} at its rate under a fixed tiling. */
    @Override
    public OperatorCost evaluate(SpatialConvSpec spec, Tiling t, DeviceModel d) {
        double active = spec.grid().activePatches(spec.density());
        PatchSchedule.Terms terms = terms(spec, d, v);
        double memory = PatchSchedule.memoryS(t, active, terms);
        double compute = PatchSchedule.computeS(t, active, terms, d);
        return new OperatorCost(d.mode().combine(compute, memory) + d.launchS(), compute, memory, d.launchS(), t,
                spec.macsPerSample() * d.batch(), dramElements(spec, d, v, active) * 4);
    }

    private static PatchSchedule.Terms terms(SpatialConvSpec spec, DeviceModel d, TiledKnobs v) {
        return new PatchSchedule.Terms() {
            /** The straggler factor of the last channel tile: a search asks for one tile's many times in a row. */
            private int stragglerTile;
            private double straggler;

            @Override
            public double memoryS(double tiles, int ct, int ht, int wt, double patches) {
                return memorySeconds(spec, d, v, tiles, ct, ht, wt, patches);
            }

            @Override
            public double engineS(int ct, int ht, int wt, int npp, double patches) {
                if (ct != stragglerTile) {
                    straggler = straggler(spec.conv(), ct, v);
                    stragglerTile = ct;
                }
                return engineSeconds(spec, d, ct, ht, wt, npp, patches, straggler);
            }
        };
    }

    /** Expected kept fraction of the fullest of the output-channel tiles of {@code ct} channels. */
    private static double straggler(Conv2dSpec c, int ct, TiledKnobs v) {
        return TileDensity.expectedMaxKeptFraction(Efficiency.ceilDiv(c.outChannels(), ct), ct,
                v.stragglerDensity(c), v.stragglerGroup(c));
    }

    private static double dramElements(SpatialConvSpec spec, DeviceModel d, TiledKnobs v, double patches) {
        Conv2dSpec c = spec.conv();
        int k = c.kernel();
        int s = c.stride();
        int side = v.patchSide(spec);
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

    private static double memorySeconds(SpatialConvSpec spec, DeviceModel d, TiledKnobs v, double tiles, int ct,
                                        int ht, int wt, double patches) {
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
        double coalescing = v.patchRowCoalescing(wt, (spec.inputGathered() ? v.patchSide(spec) : c.outWidth()) - wt,
                d);
        return dramElements(spec, d, v, patches) / d.dramElementsPerS() + onChip / d.l2ElementsPerS() / coalescing;
    }

    private static double engineSeconds(SpatialConvSpec spec, DeviceModel d, int ct, int ht, int wt, int npp,
                                        double patches, double straggler) {
        if (patches == 0) {
            return 0;
        }
        Conv2dSpec c = spec.conv();
        int k = c.kernel();
        double batchMacs = (double) ct * ht * wt * (c.inChannels() / c.groups()) * k * k * npp;
        double laneUse = Efficiency.ceilEfficiency((double) ct * ht * wt * d.batch() * npp, d.peakParallelism());
        double seconds = d.macSeconds(batchMacs) / laneUse * Math.ceil(patches / npp);
        double ic = c.inDensity();
        seconds *= ic * straggler;
        if (d.batch() > 1) {
            seconds *= d.batch();
        }
        return seconds;
    }
}
