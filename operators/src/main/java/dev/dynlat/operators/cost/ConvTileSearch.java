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

        // Enumerated once, with what depends on the column tile alone: the inner loops run thousands of times.
        int[] rowTiles = v.tileSizes(outH);
        int[] colTiles = v.tileSizes(outW);
        long[] colTileCounts = new long[colTiles.length];
        double[] colOnChipRate = new double[colTiles.length];
        for (int j = 0; j < colTiles.length; j++) {
            int wt = colTiles[j];
            colTileCounts[j] = Efficiency.ceilDiv(outW, wt);
            colOnChipRate[j] = d.l2ElementsPerS() * Efficiency.coalescing(wt, outW - wt, d.transactionElements());
        }
        double densityFloor = TileDensity.lowerBound(stragglerDensity);
        BestTiling best = new BestTiling();
        for (int ct : v.tileSizes(cout)) {
            long nC = Efficiency.ceilDiv(cout, ct);
            double weightPerTile = (double) ct * cinPerGroup * k * k;
            if (batch == 1) {
                weightPerTile *= ic * oc;
            }
            long groupsTouched = Efficiency.ceilDiv(ct, coutPerGroup);
            // The straggler density's expectation costs more than many candidates; it is computed
            // at the first candidate of this channel tile that could win with it (NaN until then).
            double maxDensity = Double.NaN;
            for (int ht : rowTiles) {
                long nH = Efficiency.ceilDiv(outH, ht);
                // Left-to-right prefixes of the products below, so each is the same rounding as written out.
                double channelRowTiles = (double) nC * nH;
                double inputRowsPerTile = (double) groupsTouched * cinPerGroup * (ht + k - 1) * s;
                double channelRows = (double) ct * ht;
                for (int j = 0; j < colTiles.length; j++) {
                    int wt = colTiles[j];
                    double tiles = channelRowTiles * colTileCounts[j];
                    double inputPerTile = inputRowsPerTile * (wt + k - 1) * s;
                    double outputPerTile = channelRows * wt;
                    double onChip = (weightPerTile + inputPerTile * ic * batch + outputPerTile * oc * batch) * tiles;
                    double memory = dramS + onChip / colOnChipRate[j];
                    if (!(memory < best.latencyS())) {
                        // Compute time only adds to memory time (or overlaps it): no faster than the best.
                        continue;
                    }
                    double tileMacs = outputPerTile * cinPerGroup * k * k * batch;
                    double unscaledS = d.macSeconds(tileMacs) * ic;
                    double laneUse = Efficiency.ceilEfficiency(v.laneOutputs(outputPerTile, batch),
                            d.peakParallelism());
                    double waves = d.waves(tiles);
                    if (Double.isNaN(maxDensity)) {
                        if (!couldBeat(unscaledS, densityFloor, laneUse, waves, memory, best.latencyS(), d)) {
                            continue;
                        }
                        maxDensity = TileDensity.expectedMaxKeptFraction(nC, ct, stragglerDensity, stragglerGroup);
                    }
                    double compute = unscaledS * maxDensity / laneUse * waves;
                    best.offer(d.mode().combine(compute, memory), compute, memory, ct, ht, wt, 1, tiles);
                }
            }
        }
        double macs = c.macsPerSample() * batch * ic * oc;
        return new OperatorCost(best.latencyS() + d.launchS(), best.computeS(), best.memoryS(), d.launchS(),
                best.tiling(), macs, dramElements * 4);
    }

    /**
     * False only when a candidate is certainly no faster than {@code bestS} at any straggler
     * density of at least {@code densityFloor}: its compute is {@code unscaledS × density / laneUse
     * × waves}, rounding is monotone, so with non-negative terms its latency at the floor is a lower
     * bound of its latency at the real density, and a search keeps only strictly faster candidates.
     * True for NaN terms, which prove nothing.
     */
    static boolean couldBeat(double unscaledS, double densityFloor, double laneUse, double waves, double memoryS,
                             double bestS, DeviceModel d) {
        if (!(unscaledS >= 0 && laneUse > 0 && waves >= 0)) {
            return true;
        }
        return !(d.mode().combine(unscaledS * densityFloor / laneUse * waves, memoryS) >= bestS);
    }
}
