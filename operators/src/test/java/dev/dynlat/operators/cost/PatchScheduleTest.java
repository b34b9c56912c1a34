package dev.dynlat.operators.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dynlat.operators.model.BestTiling;
import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.Efficiency;
import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.model.Tiling;
import dev.dynlat.operators.profile.LatencyMode;
import dev.dynlat.operators.testing.Devices;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The patch schedule search evaluates the memory term, waves and extra compute once per (channel,
 * row, column) tile and reuses them for every patch batch. Its choice must be the one of the
 * search that evaluates every term for every candidate, ties included.
 */
class PatchScheduleTest {

    /** Every candidate evaluated from scratch in the search's order; the first of the fastest kept. */
    private static Tiling exhaustive(int[] patchBatches, TileOrder order, int channels, int side, double meanPatches,
                                     PatchSchedule.Terms terms, DeviceModel d) {
        BestTiling best = new BestTiling();
        for (int npp : patchBatches) {
            for (int ct : order.tileSizes(channels)) {
                long nC = Efficiency.ceilDiv(channels, ct);
                for (int ht : order.tileSizes(side)) {
                    long nH = Efficiency.ceilDiv(side, ht);
                    for (int wt : order.tileSizes(side)) {
                        long nW = Efficiency.ceilDiv(side, wt);
                        double tiles = (double) nC * nH * nW;
                        double memory = terms.memoryS(tiles, ct, ht, wt, meanPatches);
                        double compute = terms.engineS(ct, ht, wt, npp, meanPatches) * d.waves(tiles)
                                + terms.extraComputeS(ct, nH, nW);
                        best.offer(d.mode().combine(compute, memory), compute, memory, ct, ht, wt, npp, tiles);
                    }
                }
            }
        }
        return best.tiling();
    }

    /**
     * Terms that depend on every argument, rounded to a coarse grid so that many candidates tie,
     * with the patch batch's share differing by seed.
     */
    private static PatchSchedule.Terms terms(long seed) {
        Random r = new Random(seed);
        double a = 1 + r.nextInt(5);
        double b = 1 + r.nextInt(5);
        double e = r.nextInt(3);
        return new PatchSchedule.Terms() {
            @Override
            public double memoryS(double tiles, int ct, int ht, int wt, double patches) {
                return Math.rint(a * tiles / (ct + ht) + patches / wt) * 1e-6;
            }

            @Override
            public double engineS(int ct, int ht, int wt, int npp, double patches) {
                return Math.rint(b * ct * ht * wt / (double) npp + Math.ceil(patches / npp)) * 1e-7;
            }

            @Override
            public double extraComputeS(int ct, long rowTiles, long colTiles) {
                return e * Math.rint(Math.log(ct * rowTiles * colTiles + 1)) * 1e-6;
            }
        };
    }

    @Test
    void reusingTheTermsChoosesWhatEvaluatingEveryCandidateChooses() {
        DeviceModel[] devices = {DeviceModel.of(Devices.v100(), ModelVariant.LAUDNET, 128),
            DeviceModel.of(Devices.tx2(), ModelVariant.LAUDNET, 1),
            DeviceModel.of(Devices.v100(), ModelVariant.LAUDNET, 8).withMode(LatencyMode.MAX)};
        TileOrder[] orders = {LaudnetVariant.INSTANCE, CalibratedGpuVariant.INSTANCE};
        Random r = new Random(11);
        for (int i = 0; i < 200; i++) {
            int channels = 8 + r.nextInt(512);
            int side = 1 + r.nextInt(8);
            double mean = r.nextDouble() * 200;
            PatchSchedule.Terms terms = terms(i);
            for (TileOrder order : orders) {
                int[] batches = order.tileSizes(1 + r.nextInt(256));
                for (DeviceModel d : devices) {
                    assertEquals(exhaustive(batches, order, channels, side, mean, terms, d),
                            PatchSchedule.search(batches, order, channels, side, mean, terms, d),
                            "channels " + channels + " side " + side + " mean " + mean + " terms " + i);
                }
            }
        }
    }
}
