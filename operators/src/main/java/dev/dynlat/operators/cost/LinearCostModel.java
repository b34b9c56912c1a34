package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.BestTiling;
import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.Efficiency;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.model.TileSpace;
import dev.dynlat.operators.spec.LinearSpec;

/**
 * A fully connected layer on one vector per sample, tiled over (out, in) features. The reference
 * counts {@code outTile × inTile} tiles instead of {@code ceil(out/outTile) × ceil(in/inTile)} and
 * reloads the weights per sample, which inflates small FCs; the calibrated variant fixes both.
 */
public final class LinearCostModel implements CostModel<LinearSpec> {
    @Override
    public OperatorCost cost(LinearSpec spec, DeviceModel d) {
        if (d.cpuLibraryKernels()) {
            // One dot product per (sample, output): the weights are read again for every sample.
            double dots = (double) d.batch() * spec.outFeatures();
            return CpuPasses.pass(dots, dots * 2 * spec.inFeatures() + dots, spec.macsPerSample() * d.batch(), d);
        }
        int cin = spec.inFeatures();
        int cout = spec.outFeatures();
        int batch = d.batch();
        boolean reference = d.reference();
        double dramElements = reference ? ((double) cin * cout + cin + cout) * batch
                : (double) cin * cout + (double) (cin + cout) * batch;
        double dramS = dramElements / d.dramElementsPerS();
        BestTiling best = new BestTiling();
        for (int co : TileSpace.of(cout)) {
            for (int ci : TileSpace.of(cin)) {
                long tiles;
                double onChip;
                double coalescing;
                if (reference) {
                    tiles = (long) co * ci;
                    onChip = ((double) co * ci + ci + co) * tiles * batch;
                    coalescing = Efficiency.coalescing(ci, cin, d.transactionElements());
                } else {
                    tiles = Efficiency.ceilDiv(cout, co) * Efficiency.ceilDiv(cin, ci);
                    onChip = ((double) co * ci + (double) (ci + co) * batch) * tiles;
                    coalescing = Efficiency.coalescing(ci, cin - ci, d.transactionElements());
                }
                double memory = dramS + onChip / d.l2ElementsPerS() / coalescing;
                double tileWork = (double) ci * co * batch;
                double laneUse = Efficiency.ceilEfficiency(tileWork, d.peakParallelism());
                double compute = d.macSeconds(tileWork) / laneUse * d.waves(tiles);
                best.offer(d.mode().combine(compute, memory), compute, memory, co, ci, 1, 1, tiles);
            }
        }
        return new OperatorCost(best.latencyS() + d.launchS(), best.computeS(), best.memoryS(), d.launchS(),
                best.tiling(), spec.macsPerSample() * batch, dramElements * 4);
    }
}
