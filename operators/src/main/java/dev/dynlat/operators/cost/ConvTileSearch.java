package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.BestTiling;
import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.Efficiency;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.model.TileDensity;
import dev.dynlat.operators.spec.Conv2dSpec;

/**
 * Exhaustive output-stationary tile search for a (possibly channel-skipping) convolution: the
 * output is split into {@code channels × rows × cols} tiles that run in waves over the engines.
 * Each tile reads its weights and its input window from the on-chip level; every tensor crosses
 * DRAM once. The tiled variants' conv, which their matmuls (as 1×1 convs) and maskers are built from.
 */
final class ConvTileSearch {
    private ConvTileSearch() {
    }

    /** The tiled search with the given knobs (straggler density, lane filling, candidate order). */
    static OperatorCost cost(Conv2dSpec c, DeviceModel d, TiledKnobs v) {
        final int cout = c.outChannels();
        final int cin = c.inChannels();
        final int outH = c.outHeight();
        final int outW = c.outWidth();
        final int k = c.kernel();
        final int s = c.stride();
        final int cinPerGroup = cin / c.groups();
        final int coutPerGroup = cout / c.groups();
        final double ic = c.inDensity();
        final double oc = c.outDensity();
        final int batch = d.batch();
        final double stragglerDensity = v.stragglerDensity(c);
        final int stragglerGroup = v.stragglerGroup(c);

        double allWeight = (double) cout * cinPerGroup * k * k;
        if (batch == 1) {
            allWeight *= oc;
        }
        double allInput = (double) cin * outH * s * outW * s * batch * ic;
        double allOutput = (double) cout * outH * outW * batch * oc;
        double dramElements = allWeight + allInput + allOutput;
        double dramS = dramElements / d.dramElementsPerS();

        BestTiling best = new BestTiling();
        for (int ct : v.tileSizes(cout)) {
            long nC = Efficiency.ceilDiv(cout, ct);
            double maxDensity = TileDensity.expectedMaxKeptFraction(nC, ct, stragglerDensity, stragglerGroup);
            double weightPerTile = (double) ct * cinPerGroup * k * k;
            if (batch == 1) {
                weightPerTile *= ic * oc;
            }
            long groupsTouched = Efficiency.ceilDiv(ct, coutPerGroup);
            for (int ht : v.tileSizes(outH)) {
                long nH = Efficiency.ceilDiv(outH, ht);
                for (int wt : v.tileSizes(outW)) {
                    long nW = Efficiency.ceilDiv(outW, wt);
                    double tiles = (double) nC * nH * nW;
                    double inputPerTile = (double) groupsTouched * cinPerGroup * (ht + k - 1) * s * (wt + k - 1) * s;
                    double outputPerTile = (double) ct * ht * wt;
                    double onChip = (weightPerTile + inputPerTile * ic * batch + outputPerTile * oc * batch) * tiles;
                    double memory = dramS + onChip / (d.l2ElementsPerS()
                            * Efficiency.coalescing(wt, outW - wt, d.transactionElements()));
                    double tileMacs = (double) ct * ht * wt * cinPerGroup * k * k * batch;
                    double engineS = d.macSeconds(tileMacs) * ic * maxDensity;
                    double laneUse = Efficiency.ceilEfficiency(v.laneOutputs((double) ct * ht * wt, batch),
                            d.peakParallelism());
                    double compute = engineS / laneUse * d.waves(tiles);
                    best.offer(d.mode().combine(compute, memory), compute, memory, ct, ht, wt, 1, tiles);
                }
            }
        }
        double macs = c.macsPerSample() * batch * ic * oc;
        return new OperatorCost(best.latencyS() + d.launchS(), best.computeS(), best.memoryS(), d.launchS(),
                best.tiling(), macs, dramElements * 4);
    }
}
