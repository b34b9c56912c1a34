package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.BestTiling;
import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.Efficiency;
import dev.dynlat.operators.model.Tiling;

/**
 * The schedule search shared by every operator that works on active S×S patches (patch convs,
 * scatter-add, patch pooling): tiles are {@code channels × rows × cols} of one patch and an
 * engine processes {@code patchesPerTile} patches together. The schedule must be fixed before the
 * mask is known, so it is chosen at the mean active-patch count; the operator then evaluates it
 * at the actual count.
 */
final class PatchSchedule {
    private PatchSchedule() {
    }

    /** The cost terms of one patch operator. */
    interface Terms {
        /** Memory seconds of the whole operator at a tiling and an active-patch count. */
        double memoryS(double tiles, int ct, int ht, int wt, double patches);

        /** Seconds one engine spends on its tile's patch batches; never negative (the search relies on it). */
        double engineS(int ct, int ht, int wt, int patchesPerTile, double patches);

        /** Compute outside the waves of tiles (e.g. a final reduction); none by default. */
        default double extraComputeS(int ct, long rowTiles, long colTiles) {
            return 0;
        }
    }

    /**
     * The best tiling at {@code meanPatches} over the given patch-batch candidates. Candidates are
     * offered in the order patch batch, channel, row, column tile (ties keep the first); the memory
     * term, the waves and the extra compute do not depend on the patch batch, so they are
     * evaluated once per (channel, row, column) tile and reused for every patch batch. A candidate
     * whose memory and extra compute alone are no faster than the best so far is not evaluated:
     * its engine time only adds to them (rounding is monotone), and only strictly faster
     * candidates replace the best.
     */
    static Tiling search(int[] patchBatches, TileOrder order, int channels, int side, double meanPatches, Terms terms,
                         DeviceModel d) {
        int[] channelTiles = order.tileSizes(channels);
        int[] sideTiles = order.tileSizes(side);
        int shapes = channelTiles.length * sideTiles.length * sideTiles.length;
        double[] tileCounts = new double[shapes];
        double[] memory = new double[shapes];
        double[] waves = new double[shapes];
        double[] extraCompute = new double[shapes];
        double[] floorS = new double[shapes];
        int i = 0;
        for (int ct : channelTiles) {
            long nC = Efficiency.ceilDiv(channels, ct);
            for (int ht : sideTiles) {
                long nH = Efficiency.ceilDiv(side, ht);
                for (int wt : sideTiles) {
                    long nW = Efficiency.ceilDiv(side, wt);
                    double tiles = (double) nC * nH * nW;
                    tileCounts[i] = tiles;
                    memory[i] = terms.memoryS(tiles, ct, ht, wt, meanPatches);
                    waves[i] = d.waves(tiles);
                    extraCompute[i] = terms.extraComputeS(ct, nH, nW);
                    floorS[i] = d.mode().combine(extraCompute[i], memory[i]);
                    i++;
                }
            }
        }
        BestTiling best = new BestTiling();
        for (int npp : patchBatches) {
            i = 0;
            for (int ct : channelTiles) {
                for (int ht : sideTiles) {
                    for (int wt : sideTiles) {
                        if (floorS[i] < best.latencyS()) {
                            double compute = terms.engineS(ct, ht, wt, npp, meanPatches) * waves[i]
                                    + extraCompute[i];
                            best.offer(d.mode().combine(compute, memory[i]), compute, memory[i], ct, ht, wt, npp,
                                    tileCounts[i]);
                        }
                        i++;
                    }
                }
            }
        }
        return best.tiling();
    }

    /** Compute seconds of a fixed tiling at an active-patch count (extra compute excluded). */
    static double computeS(Tiling t, double patches, Terms terms, DeviceModel d) {
        return terms.engineS(t.channelTile(), t.rowTile(), t.colTile(), t.patchesPerTile(), patches)
                * d.waves(t.tiles());
    }

    /** Memory seconds of a fixed tiling at an active-patch count. */
    static double memoryS(Tiling t, double patches, Terms terms) {
        return terms.memoryS(t.tiles(), t.channelTile(), t.rowTile(), t.colTile(), patches);
    }
}
