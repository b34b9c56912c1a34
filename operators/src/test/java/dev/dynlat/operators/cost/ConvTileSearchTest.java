package dev.dynlat.operators.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.operators.model.BestTiling;
import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.Efficiency;
import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.model.TileDensity;
import dev.dynlat.operators.profile.LatencyMode;
import dev.dynlat.operators.spec.Conv2dSpec;
import dev.dynlat.operators.testing.Devices;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The conv search skips the straggler expectation of channel tiles that cannot win and reuses the
 * terms of one column tile across rows. Its result must be the exhaustive search's, bit for bit,
 * tie-breaking included: the oracle below evaluates every candidate with the expression as the
 * search was first written.
 */
class ConvTileSearchTest {

    /** Every candidate, in order, with its straggler density; the first of the fastest kept. */
    private static BestTiling exhaustive(Conv2dSpec c, DeviceModel d, TiledKnobs v) {
        int cout = c.outChannels();
        int outH = c.outHeight();
        int outW = c.outWidth();
        int k = c.kernel();
        int s = c.stride();
        int cinPerGroup = c.inChannels() / c.groups();
        double ic = c.inDensity();
        double oc = c.outDensity();
        int batch = d.batch();
        double allWeight = (double) cout * cinPerGroup * k * k;
        if (batch == 1) {
            allWeight *= oc;
        }
        double allInput = (double) c.inChannels() * outH * s * outW * s * batch * ic;
        double allOutput = (double) cout * outH * outW * batch * oc;
        double dramS = (allWeight + allInput + allOutput) / d.dramElementsPerS();
        BestTiling best = new BestTiling();
        for (int ct : v.tileSizes(cout)) {
            long nC = Efficiency.ceilDiv(cout, ct);
            double maxDensity = TileDensity.expectedMaxKeptFraction(nC, ct, v.stragglerDensity(c),
                    v.stragglerGroup(c));
            double weightPerTile = (double) ct * cinPerGroup * k * k;
            if (batch == 1) {
                weightPerTile *= ic * oc;
            }
            long groupsTouched = Efficiency.ceilDiv(ct, cout / c.groups());
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
        return best;
    }

    private static List<DeviceModel> devices(ModelVariant variant) {
        var gpu = variant == ModelVariant.LAUDNET ? Devices.v100() : Devices.v100Calibrated();
        var small = variant == ModelVariant.LAUDNET ? Devices.tx2()
                : Devices.profile("tx2-cal", Devices.TX2, java.util.Optional.of(Devices.COEFFICIENTS));
        return List.of(DeviceModel.of(gpu, variant, 128), DeviceModel.of(gpu, variant, 1),
                DeviceModel.of(small, variant, 1), DeviceModel.of(small, variant, 8),
                DeviceModel.of(gpu, variant, 32).withMode(LatencyMode.MAX));
    }

    private static void assertSameAsExhaustive(TiledKnobs knobs, ModelVariant variant, long seed) {
        Random r = new Random(seed);
        int[] channels = {16, 48, 64, 104, 128, 256, 440, 512};
        int[] sides = {7, 14, 28, 56};
        int[] groupSizes = {1, 2, 4, 8};
        for (int i = 0; i < 60; i++) {
            int cin = channels[r.nextInt(channels.length)];
            int cout = channels[r.nextInt(channels.length)];
            int side = sides[r.nextInt(sides.length)];
            int kernel = r.nextBoolean() ? 3 : 1;
            int stride = r.nextInt(4) == 0 ? 2 : 1;
            // Rates as the CLI takes them (two decimals), dense ones too, so both pruned and unpruned tiles occur.
            double in = r.nextInt(5) == 0 ? 1 : (10 + r.nextInt(91)) / 100.0;
            double out = r.nextInt(5) == 0 ? 1 : (10 + r.nextInt(91)) / 100.0;
            Conv2dSpec c = new Conv2dSpec(cin, cout, side, side, kernel, stride, 1, in, out,
                    groupSizes[r.nextInt(groupSizes.length)]);
            for (DeviceModel d : devices(variant)) {
                BestTiling want = exhaustive(c, d, knobs);
                OperatorCost got = ConvTileSearch.cost(c, d, knobs);
                String where = c + " on " + d.deviceName() + " batch " + d.batch() + " " + d.mode();
                assertEquals(want.tiling(), got.tiling(), where);
                assertEquals(Double.doubleToRawLongBits(want.computeS()), Double.doubleToRawLongBits(got.computeS()),
                        where);
                assertEquals(Double.doubleToRawLongBits(want.memoryS()), Double.doubleToRawLongBits(got.memoryS()),
                        where);
                assertEquals(Double.doubleToRawLongBits(want.latencyS() + d.launchS()),
                        Double.doubleToRawLongBits(got.latencyS()), where);
            }
        }
    }

    @Test
    void laudnetSearchIsTheExhaustiveOneBitForBit() {
        assertSameAsExhaustive(LaudnetVariant.INSTANCE, ModelVariant.LAUDNET, 18);
    }

    @Test
    void calibratedSearchIsTheExhaustiveOneBitForBit() {
        assertSameAsExhaustive(CalibratedGpuVariant.INSTANCE, ModelVariant.CALIBRATED, 19);
    }

    @Test
    void aCandidateIsSkippedOnlyWhenItCannotBeStrictlyFaster() {
        DeviceModel d = DeviceModel.of(Devices.v100(), ModelVariant.LAUDNET, 128);
        Random r = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            double unscaled = r.nextDouble() * 1e-3;
            double floor = r.nextDouble();
            double density = floor + (1 - floor) * r.nextDouble();
            double laneUse = 0.05 + r.nextDouble();
            double waves = 1 + r.nextInt(64);
            double memory = r.nextDouble() * 1e-4;
            double best = r.nextDouble() * 2e-3;
            double latency = d.mode().combine(unscaled * density / laneUse * waves, memory);
            if (!ConvTileSearch.couldBeat(unscaled, floor, laneUse, waves, memory, best, d)) {
                assertFalse(latency < best, "skipped a candidate faster than the best");
            }
        }
        // At the floor itself and equal to the best: a search keeps the first of equals, so it is skipped.
        assertFalse(ConvTileSearch.couldBeat(1e-3, 0.5, 1, 2, 0, 1e-3, d));
        assertTrue(ConvTileSearch.couldBeat(1e-3, 0.5, 1, 2, 0, Math.nextUp(1e-3), d));
        // NaN terms and a NaN floor prove nothing; with no best yet every candidate can win.
        assertTrue(ConvTileSearch.couldBeat(Double.NaN, 0.5, 1, 2, 0, 1e-9, d));
        assertTrue(ConvTileSearch.couldBeat(1e-3, Double.NaN, 1, 2, 0, 1e-9, d));
        assertTrue(ConvTileSearch.couldBeat(1e-3, 0.5, 1, 2, 0, Double.POSITIVE_INFINITY, d));
    }

    @Test
    void theDensityFloorIsNeverAboveTheExpectation() {
        Random r = new Random(3);
        for (int i = 0; i < 2000; i++) {
            double p = r.nextInt(10) == 0 ? (r.nextBoolean() ? 0 : 1) : r.nextDouble();
            int tileSize = 1 + r.nextInt(300);
            long tiles = 1 + r.nextInt(64);
            int group = 1 + r.nextInt(16);
            assertTrue(TileDensity.lowerBound(p) <= TileDensity.expectedMaxKeptFraction(tiles, tileSize, p, group),
                    "p " + p + " tiles " + tiles + " size " + tileSize + " group " + group);
        }
        assertEquals(1, TileDensity.lowerBound(1.5));
        assertEquals(0, TileDensity.lowerBound(-0.5));
    }
}
