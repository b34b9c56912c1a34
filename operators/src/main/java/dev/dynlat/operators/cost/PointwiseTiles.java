package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.BestTiling;
import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.Efficiency;
import dev.dynlat.operators.model.TileSpace;

/**
 * The tile search shared by pointwise kernels over a {@code channels × height × width} map
 * (elementwise passes, channel-wise scaling): one operation per output element, lanes filled by
 * the tile's outputs, tiles in waves over the engines; above batch 1 every sample repeats the
 * work. Only the memory term differs between the kernels.
 */
final class PointwiseTiles {
    private PointwiseTiles() {
    }

    /** Memory seconds of one sample at a tiling. */
    interface MemoryTerm {
        double seconds(int ct, int ht, int wt, double tiles);
    }

    static BestTiling search(int c, long h, int w, DeviceModel d, TileOrder order, MemoryTerm memoryTerm) {
        int batch = d.batch();
        // Enumerated once: each lookup is a map access, and the inner loops run thousands of times.
        int[] rowTiles = order.tileSizes(TileSpace.searchExtent(h));
        int[] colTiles = order.tileSizes(w);
        long[] colTileCounts = new long[colTiles.length];
        for (int j = 0; j < colTiles.length; j++) {
            colTileCounts[j] = Efficiency.ceilDiv(w, colTiles[j]);
        }
        BestTiling best = new BestTiling();
        for (int ct : order.tileSizes(c)) {
            long nC = Efficiency.ceilDiv(c, ct);
            for (int ht : rowTiles) {
                long nH = Efficiency.ceilDiv(h, ht);
                for (int j = 0; j < colTiles.length; j++) {
                    int wt = colTiles[j];
                    double tiles = (double) nC * nH * colTileCounts[j];
                    double memory = memoryTerm.seconds(ct, ht, wt, tiles);
                    if (batch > 1) {
                        memory *= batch;
                    }
                    if (!(memory < best.latencyS())) {
                        // Compute time only adds to memory time (or overlaps it): no faster than the best.
                        continue;
                    }
                    double tileSize = (double) ct * ht * wt;
                    double laneUse = Efficiency.ceilEfficiency(tileSize, d.peakParallelism());
                    double compute = d.macSeconds(tileSize) / laneUse * d.waves(tiles);
                    if (batch > 1) {
                        compute *= batch;
                    }
                    best.offer(d.mode().combine(compute, memory), compute, memory, ct, ht, wt, 1, tiles);
                }
            }
        }
        return best;
    }
}
