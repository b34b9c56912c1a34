package dev.dynlat.operators.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dynlat.operators.model.BestTiling;
import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.Efficiency;
import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.model.TileSpace;
import dev.dynlat.operators.profile.LatencyMode;
import dev.dynlat.operators.testing.Devices;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The pointwise search skips candidates whose memory time alone is no faster than the best; its
 * choice must be the one of evaluating every candidate, ties included.
 */
class PointwiseTilesTest {

    /** Every candidate evaluated in the search's order; the first of the fastest kept. */
    private static BestTiling exhaustive(int c, long h, int w, DeviceModel d, TileOrder order,
                                         PointwiseTiles.MemoryTerm memoryTerm) {
        int batch = d.batch();
        BestTiling best = new BestTiling();
        for (int ct : order.tileSizes(c)) {
            long nC = Efficiency.ceilDiv(c, ct);
            for (int ht : order.tileSizes(TileSpace.searchExtent(h))) {
                long nH = Efficiency.ceilDiv(h, ht);
                for (int wt : order.tileSizes(w)) {
                    double tiles = (double) nC * nH * Efficiency.ceilDiv(w, wt);
                    double tileSize = (double) ct * ht * wt;
                    double memory = memoryTerm.seconds(ct, ht, wt, tiles);
                    double laneUse = Efficiency.ceilEfficiency(tileSize, d.peakParallelism());
                    double compute = d.macSeconds(tileSize) / laneUse * d.waves(tiles);
                    if (batch > 1) {
                        memory *= batch;
                        compute *= batch;
                    }
                    best.offer(d.mode().combine(compute, memory), compute, memory, ct, ht, wt, 1, tiles);
                }
            }
        }
        return best;
    }

    @Test
    void skippingSlowMemoryChoosesWhatEvaluatingEveryCandidateChooses() {
        DeviceModel[] devices = {DeviceModel.of(Devices.v100(), ModelVariant.LAUDNET, 128),
            DeviceModel.of(Devices.tx2(), ModelVariant.LAUDNET, 1),
            DeviceModel.of(Devices.v100(), ModelVariant.LAUDNET, 8).withMode(LatencyMode.MAX)};
        TileOrder[] orders = {LaudnetVariant.INSTANCE, CalibratedGpuVariant.INSTANCE};
        Random r = new Random(5);
        for (int i = 0; i < 300; i++) {
            int c = 1 + r.nextInt(1024);
            long h = 1 + r.nextInt(112);
            int w = 1 + r.nextInt(112);
            double scale = Math.pow(10, -4 - r.nextInt(4));
            double a = r.nextDouble();
            // Coarse steps so that many candidates tie; the real kernels' terms in half the cases.
            PointwiseTiles.MemoryTerm term = r.nextBoolean()
                    ? (ct, ht, wt, tiles) -> Math.rint(a * 10 + tiles / (ct + ht + wt)) * scale
                    : (ct, ht, wt, tiles) -> ((double) ct * ht * wt * 2 + ct) * tiles / 1e12
                            / Efficiency.coalescing(wt, w - wt, 8);
            for (TileOrder order : orders) {
                for (DeviceModel d : devices) {
                    BestTiling want = exhaustive(c, h, w, d, order, term);
                    BestTiling got = PointwiseTiles.search(c, h, w, d, order, term);
                    String where = c + "x" + h + "x" + w + " " + d.deviceName() + " batch " + d.batch();
                    assertEquals(want.tiling(), got.tiling(), where);
                    assertEquals(want.latencyS(), got.latencyS(), where);
                    assertEquals(want.computeS(), got.computeS(), where);
                    assertEquals(want.memoryS(), got.memoryS(), where);
                }
            }
        }
    }
}
