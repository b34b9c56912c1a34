package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.BestTiling;
import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.Efficiency;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.spec.ReduceSpec;

/**
 * Reductions (global average pooling, row max/sum): every engine reduces one pixel of a channel
 * tile, then one engine combines the partial results in a log-depth tree. Only the channel tile
 * is searched (pixel tiles are fixed at 1×1, candidates in powers of two), as in the reference.
 */
final class ReduceTiles {
    private static final int CHANNEL_TILE_STEPS = 8;

    private ReduceTiles() {
    }

    /** The best tiling's cost without launch overhead (composites add their own launches). */
    static BestTiling search(ReduceSpec spec, DeviceModel d) {
        long c = spec.channels();
        int h = spec.height();
        int w = spec.width();
        BestTiling best = new BestTiling();
        for (int i = 0; i < CHANNEL_TILE_STEPS; i++) {
            int ct = 1 << i;
            if (ct > 2 * c) {
                break;
            }
            long nC = Efficiency.ceilDiv(c, ct);
            long pixels = (long) h * w;
            double tiles = (double) nC * pixels;
            double laneUse = Efficiency.ceilEfficiency(ct, d.peakParallelism());
            double compute = d.macSeconds(ct) / laneUse * d.waves(tiles);
            double memory = (ct / d.dramElementsPerS() + ct / d.l2ElementsPerS()) * tiles;
            compute += treeReduceSeconds(ct, pixels, d);
            memory += ((double) ct * pixels + ct) / d.l2ElementsPerS() * nC;
            memory *= d.batch();
            best.offer(d.mode().combine(compute, memory), compute, memory, ct, 1, 1, 1, tiles);
        }
        return best;
    }

    /** Log-depth reduction of {@code n} partial results per channel on one engine. */
    static double treeReduceSeconds(int channels, long n, DeviceModel d) {
        long m = (n + 1) / 2;
        double seconds = 0;
        while (m > 1) {
            double work = (double) m * channels;
            double laneUse = Efficiency.ceilEfficiency(work, d.peakParallelism());
            seconds += Math.ceil(work / d.lanesPerEngine()) / laneUse / d.clockHz();
            m = (m + 1) / 2;
        }
        return seconds * d.batch();
    }

    static OperatorCost cost(ReduceSpec spec, DeviceModel d) {
        BestTiling best = search(spec, d);
        double elements = (double) spec.channels() * spec.height() * spec.width();
        return new OperatorCost(best.latencyS() + d.launchS(), best.computeS(), best.memoryS(), d.launchS(),
                best.tiling(), 0, (elements + spec.channels()) * d.batch() * 4);
    }
}
