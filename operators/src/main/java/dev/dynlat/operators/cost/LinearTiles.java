package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.BestTiling;
import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.Efficiency;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.spec.LinearSpec;

/**
 * A fully connected layer on one vector per sample, tiled over (out, in) features, tiles in
 * waves over the engines. How tiles and traffic are counted is a knob ({@link Counting}: the
 * reference counts {@code outTile × inTile} tiles and reloads weights per sample, the calibrated
 * counting fixes both).
 */
final class LinearTiles {
    private LinearTiles() {
    }

    /** How an FC layer's tiles and traffic are counted, in fp32 elements. */
    interface Counting {
        double dramElements(int cin, int cout, int batch);

        long tiles(int co, int ci, int cout, int cin);

        double onChipElements(int co, int ci, long tiles, int batch);

        double coalescing(int ci, int cin, int transaction);
    }

    static OperatorCost cost(LinearSpec spec, DeviceModel d, Counting counting, TileOrder order) {
        int cin = spec.inFeatures();
        int cout = spec.outFeatures();
        int batch = d.batch();
        double dramElements = counting.dramElements(cin, cout, batch);
        double dramS = dramElements / d.dramElementsPerS();
        int[] inTiles = order.tileSizes(cin); // enumerated once, not once per output tile
        BestTiling best = new BestTiling();
        for (int co : order.tileSizes(cout)) {
            for (int ci : inTiles) {
                long tiles = counting.tiles(co, ci, cout, cin);
                double onChip = counting.onChipElements(co, ci, tiles, batch);
                double coalescing = counting.coalescing(ci, cin, d.transactionElements());
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
