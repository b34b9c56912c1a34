package dev.dynlat.operators.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.profile.LatencyMode;
import dev.dynlat.operators.spec.ActivationSpec;
import dev.dynlat.operators.spec.GruCellSpec;
import dev.dynlat.operators.spec.MaskerScheduleSpec;
import dev.dynlat.operators.spec.ChannelMaskerSpec;
import dev.dynlat.operators.spec.Conv2dSpec;
import dev.dynlat.operators.spec.GatherSpec;
import dev.dynlat.operators.spec.LayerGateSpec;
import dev.dynlat.operators.spec.NormSpec;
import dev.dynlat.operators.spec.OperatorSpec;
import dev.dynlat.operators.spec.ScatterSpec;
import dev.dynlat.operators.spec.SoftmaxSpec;
import dev.dynlat.operators.spec.SpatialConvSpec;
import dev.dynlat.operators.spec.SpatialMaskerSpec;
import dev.dynlat.operators.spec.SqueezeExcitationSpec;
import dev.dynlat.operators.testing.Devices;
import dev.dynlat.operators.testing.SpecGenerator;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.DoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties every cost model must have, checked on many seeded random valid specs of every
 * operator kind, on the LAUDNET variant (V100, TX2), the CALIBRATED variant (batch 8 and 1) and
 * the MAX latency mode.
 *
 * <p>Latency is deliberately NOT asserted monotone in shape size: the tile search quantises and
 * dynamic operators fix their schedule at the mean active-patch count, so a larger shape can be
 * faster (counterexamples are in the test report of the model-tests branch). What holds by
 * construction is asserted instead: work (MACs) and DRAM traffic grow with size, latency grows
 * with batch for static operators, and dynamic operators grow with their rate.
 */
class CostModelContractTest {
    private static final int SPECS_PER_CASE = 12;

    /** Static operators whose every tiling's cost is non-decreasing in the batch size. */
    private static final Set<SpecGenerator> BATCH_MONOTONE = EnumSet.of(SpecGenerator.CONV2D, SpecGenerator.LINEAR,
            SpecGenerator.MATMUL, SpecGenerator.ELEMENTWISE, SpecGenerator.AVG_POOL, SpecGenerator.REDUCE,
            SpecGenerator.BROADCAST_MUL, SpecGenerator.NORM, SpecGenerator.SOFTMAX, SpecGenerator.ACTIVATION,
            SpecGenerator.UNFOLD, SpecGenerator.GATHER, SpecGenerator.CHANNEL_MASKER, SpecGenerator.LAYER_GATE,
            SpecGenerator.MAX_POOL, SpecGenerator.CONCAT, SpecGenerator.GRU_CELL, SpecGenerator.RESIZE,
            SpecGenerator.CROP);

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Devices.Named d : Devices.models()) {
            for (SpecGenerator g : SpecGenerator.values()) {
                out.add(Arguments.of(d, g));
            }
        }
        return out.stream();
    }

    static Stream<Devices.Named> devices() {
        return Devices.models().stream();
    }

    private static List<OperatorSpec> specs(SpecGenerator g, Devices.Named d) {
        Random r = new Random(1000L * g.ordinal() + d.name().hashCode());
        List<OperatorSpec> out = new ArrayList<>();
        for (int i = 0; i < SPECS_PER_CASE; i++) {
            out.add(g.random(r));
        }
        return out;
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("cases")
    void costsAreFiniteNonNegativeAndIncludeTheLaunch(Devices.Named named, SpecGenerator g) {
        DeviceModel d = named.model();
        CostModels models = new CostModels(d);
        for (OperatorSpec spec : specs(g, named)) {
            OperatorCost c = models.cost(spec);
            String where = spec + " on " + named + ": " + c;
            for (double v : new double[] {c.latencyS(), c.computeS(), c.memoryS(), c.launchS(), c.macs(), c.dramBytes()}) {
                assertTrue(Double.isFinite(v) && v >= 0, "non-finite or negative field in " + where);
            }
            if (spec instanceof ChannelMaskerSpec m && m.groups() == 1) {
                assertEquals(OperatorCost.ZERO, c, where);
                continue;
            }
            assertTrue(c.latencyS() >= d.launchS(), "latency below one launch: " + where);
            // Composites that fuse kernels subtract launches again: equal up to rounding.
            assertTrue(c.launchS() >= d.launchS() * (1 - 1e-12), "no launch charged: " + where);
            double combined = d.mode().combine(c.computeS(), c.memoryS()) + c.launchS();
            if (singleKernel(spec, models)) {
                // A calibrated class overhead is a fixed cost per kernel; an activation runs the elementwise kernel.
                double overhead = d.classOverheadS(spec.kind())
                        + (spec instanceof ActivationSpec ? d.classOverheadS("elementwise") : 0);
                assertEquals(d.launchS() + overhead, c.launchS(), 1e-15, where);
                assertEquals(combined, c.latencyS(), 1e-12 * c.latencyS(), "latency != combine + launch: " + where);
            } else if (d.mode() == LatencyMode.ADD) {
                assertEquals(combined, c.latencyS(), 1e-9 * c.latencyS(), "composite latency != sum: " + where);
            } else {
                double sum = c.computeS() + c.memoryS() + c.launchS();
                assertTrue(c.latencyS() >= combined * (1 - 1e-12) && c.latencyS() <= sum * (1 + 1e-12),
                        "composite latency outside [max, sum]: " + where);
            }
        }
    }

    /** Operators that run as exactly one kernel on this device. */
    private static boolean singleKernel(OperatorSpec spec, CostModels models) {
        if (spec instanceof SqueezeExcitationSpec || spec instanceof NormSpec || spec instanceof SoftmaxSpec
                || spec instanceof ChannelMaskerSpec || spec instanceof GruCellSpec) {
            return false;
        }
        if (spec instanceof MaskerScheduleSpec m) {
            return m.schedule() == MaskerScheduleSpec.Schedule.FUSED;
        }
        if (spec instanceof LayerGateSpec) {
            return models.variant() instanceof LaudnetVariant;
        }
        if (spec instanceof SpatialMaskerSpec m) {
            return models.maskerChoice(m).fused();
        }
        return true;
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("cases")
    void workAndTrafficGrowWithSize(Devices.Named named, SpecGenerator g) {
        CostModels models = new CostModels(named.model());
        Random r = new Random(7L * g.ordinal() + 3);
        for (OperatorSpec spec : specs(g, named)) {
            for (OperatorSpec bigger : g.grown(spec, r)) {
                if (spec instanceof SpatialMaskerSpec small) {
                    // The chosen schedule may switch between fused and separate; each one grows.
                    SpatialMaskerSpec big = (SpatialMaskerSpec) bigger;
                    assertGrows(models.fusedMasker(small), models.fusedMasker(big), small, big);
                    assertGrows(models.separateMasker(small), models.separateMasker(big), small, big);
                } else {
                    assertGrows(models.cost(spec), models.cost(bigger), spec, bigger);
                }
            }
        }
    }

    private static void assertGrows(OperatorCost small, OperatorCost big, OperatorSpec s, OperatorSpec b) {
        assertTrue(big.macs() >= small.macs(), "MACs fell from " + small.macs() + " to " + big.macs() + ": " + s
                + " -> " + b);
        assertTrue(big.dramBytes() >= small.dramBytes(), "DRAM bytes fell from " + small.dramBytes() + " to "
                + big.dramBytes() + ": " + s + " -> " + b);
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("cases")
    void staticOperatorLatencyGrowsWithBatch(Devices.Named named, SpecGenerator g) {
        if (!BATCH_MONOTONE.contains(g)) {
            return;
        }
        for (OperatorSpec spec : specs(g, named).subList(0, 4)) {
            double previous = 0;
            for (int batch : new int[] {1, 2, 3, 4, 7, 8, 16, 64, 128}) {
                double latency = new CostModels(named.model().withBatch(batch)).cost(spec).latencyS();
                assertTrue(latency >= previous, spec + " on " + named + ": batch " + batch + " latency " + latency
                        + " < previous " + previous);
                previous = latency;
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("devices")
    void dynamicOperatorsGrowWithTheirRate(Devices.Named named) {
        Random r = new Random(42);
        CostModels models = new CostModels(named.model());
        for (int i = 0; i < 10; i++) {
            SpatialConvSpec conv = (SpatialConvSpec) SpecGenerator.SPATIAL_CONV.random(r);
            assertNonDecreasing(conv + " on " + named, rate -> models.cost(conv.atRate(rate)));
            ScatterSpec scatter = (ScatterSpec) SpecGenerator.SCATTER.random(r);
            assertNonDecreasing(scatter + " on " + named, rate -> models.cost(scatter.atRate(rate)));
            ScatterSpec scatterAdd = new ScatterSpec(scatter.channels(), scatter.height(), scatter.width(),
                    scatter.granularity(), 1, !scatter.addResidual());
            assertNonDecreasing(scatterAdd + " on " + named, rate -> models.cost(scatterAdd.atRate(rate)));
            SpatialMaskerSpec masker = (SpatialMaskerSpec) SpecGenerator.SPATIAL_MASKER.random(r);
            assertNonDecreasing(masker + " on " + named, rate -> models.maskerChoice(masker.atRate(rate)).cost());
            GatherSpec gather = (GatherSpec) SpecGenerator.GATHER.random(r);
            assertNonDecreasing(gather + " on " + named, rate -> models.cost(new GatherSpec(gather.channels(),
                    gather.height(), gather.width(), gather.granularity(), gather.halo(), rate)));
            Conv2dSpec c = SpecGenerator.conv(r, false);
            int[] groups = {1, 2, 8, 64};
            int cg = groups[r.nextInt(groups.length)];
            double fixed = r.nextDouble();
            assertNonDecreasing("out density of " + c + " on " + named, rate -> models.cost(new Conv2dSpec(
                    c.inChannels(), c.outChannels(), c.inHeight(), c.inWidth(), c.kernel(), c.stride(), c.groups(),
                    fixed, rate, cg)));
            assertNonDecreasing("in density of " + c + " on " + named, rate -> models.cost(new Conv2dSpec(
                    c.inChannels(), c.outChannels(), c.inHeight(), c.inWidth(), c.kernel(), c.stride(), c.groups(),
                    rate, fixed, cg)));
        }
    }

    private static void assertNonDecreasing(String what, DoubleFunction<OperatorCost> costAt) {
        double previous = 0;
        double previousRate = 0;
        for (int i = 0; i <= 40; i++) {
            double rate = i / 40.0;
            double latency = costAt.apply(rate).latencyS();
            if (latency < previous * (1 - 1e-12)) {
                fail(what + ": latency " + previous + " at rate " + previousRate + " but " + latency + " at rate "
                        + rate);
            }
            previous = latency;
            previousRate = rate;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("devices")
    void zeroWorkCostsNoCompute(Devices.Named named) {
        Random r = new Random(5);
        CostModels models = new CostModels(named.model());
        for (int i = 0; i < 20; i++) {
            SpatialConvSpec conv = ((SpatialConvSpec) SpecGenerator.SPATIAL_CONV.random(r)).atRate(0);
            OperatorCost c = models.cost(conv);
            assertEquals(0.0, c.computeS(), conv + " at rate 0");
            assertEquals(0.0, c.macs(), conv + " at rate 0");

            Conv2dSpec k = SpecGenerator.conv(r, false);
            Conv2dSpec skipped = new Conv2dSpec(k.inChannels(), k.outChannels(), k.inHeight(), k.inWidth(),
                    k.kernel(), k.stride(), k.groups(), r.nextDouble(), 0, 1 << r.nextInt(4));
            OperatorCost s = models.cost(skipped);
            assertEquals(0.0, s.computeS(), skipped + " with out density 0");
            assertEquals(0.0, s.macs(), skipped + " with out density 0");

            ChannelMaskerSpec one = new ChannelMaskerSpec(k.inChannels(), k.inHeight(), k.inWidth(), 1,
                    r.nextBoolean() ? 0 : 16);
            assertEquals(OperatorCost.ZERO, models.cost(one), one.toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("devices")
    void dataMovementKindsExecuteNoMacsAndTheGruCellItsGemms(Devices.Named named) {
        CostModels models = new CostModels(named.model());
        int batch = named.model().batch();
        Random r = new Random(17);
        for (int i = 0; i < 10; i++) {
            for (SpecGenerator g : List.of(SpecGenerator.MAX_POOL, SpecGenerator.CONCAT, SpecGenerator.RESIZE,
                    SpecGenerator.CROP)) {
                OperatorSpec spec = g.random(r);
                assertEquals(0.0, spec.macsPerSample(), spec.toString());
                assertEquals(0.0, models.cost(spec).macs(), spec + " on " + named);
                assertTrue(models.cost(spec).dramBytes() > 0, spec + " on " + named);
            }
            OperatorSpec gru = SpecGenerator.GRU_CELL.random(r);
            assertEquals(gru.macsPerSample() * batch, models.cost(gru).macs(), 1e-9 * gru.macsPerSample() * batch,
                    gru + " on " + named);
        }
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("cases")
    void costingIsDeterministic(Devices.Named named, SpecGenerator g) {
        List<OperatorSpec> specs = specs(g, named);
        CostModels first = new CostModels(named.model());
        CostModels second = new CostModels(named.model());
        for (OperatorSpec spec : specs) {
            OperatorCost a = first.cost(spec);
            OperatorCost b = second.cost(spec);
            // Record equality compares doubles with Double.compare: bit-identical results only.
            assertEquals(a, b, spec.toString());
            assertEquals(Double.doubleToRawLongBits(a.latencyS()), Double.doubleToRawLongBits(b.latencyS()));
        }
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("cases")
    void aWarmCacheGivesWhatAFreshRegistryGives(Devices.Named named, SpecGenerator g) {
        DeviceModel d = named.model();
        CostModels warm = new CostModels(d);
        Random r = new Random(31L * g.ordinal());
        // Warm the caches with other kinds and other shapes first.
        for (SpecGenerator other : SpecGenerator.values()) {
            warm.cost(other.random(r));
        }
        for (OperatorSpec spec : specs(g, named)) {
            OperatorCost fresh = new CostModels(d).cost(spec);
            assertEquals(fresh, warm.cost(spec), "first call: " + spec);
            assertEquals(fresh, warm.cost(spec), "cached call: " + spec);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("devices")
    void aRateSweepReusesTheScheduleWithoutChangingResults(Devices.Named named) {
        DeviceModel d = named.model();
        Random r = new Random(99);
        for (int i = 0; i < 8; i++) {
            SpatialConvSpec conv = (SpatialConvSpec) SpecGenerator.SPATIAL_CONV.random(r);
            ScatterSpec s = (ScatterSpec) SpecGenerator.SCATTER.random(r);
            ScatterSpec scatter = new ScatterSpec(s.channels(), s.height(), s.width(), s.granularity(), s.density(),
                    true);
            SpatialMaskerSpec masker = (SpatialMaskerSpec) SpecGenerator.SPATIAL_MASKER.random(r);
            CostModels swept = new CostModels(d);
            for (double rate : new double[] {1, 0.9, 0.3, 0.0, 0.55}) {
                swept.cost(conv.atRate(rate));
                swept.cost(scatter.atRate(rate));
                swept.cost(masker.atRate(rate));
            }
            double rate = r.nextDouble();
            assertEquals(direct(conv.atRate(rate), d), swept.cost(conv.atRate(rate)));
            assertEquals(direct(scatter.atRate(rate), d), swept.cost(scatter.atRate(rate)));
            assertEquals(direct(masker.atRate(rate), d), swept.cost(masker.atRate(rate)));
            CostTable table = new CostModels(d).variant().table();
            assertEquals(new SpatialMaskerCostModel(table.model(Conv2dSpec.class), table.patchConv())
                            .choose(masker.atRate(rate), d),
                    swept.maskerChoice(masker.atRate(rate)));
        }
    }

    /** The dynamic operators as the variant's table costs them, uncached, class efficiency applied as CostModels does. */
    private static OperatorCost direct(OperatorSpec spec, DeviceModel d) {
        return CostModels.withClassEfficiency(spec, unscaled(spec, d), d);
    }

    private static OperatorCost unscaled(OperatorSpec spec, DeviceModel d) {
        if (spec instanceof SpatialConvSpec || spec instanceof ScatterSpec || spec instanceof SpatialMaskerSpec) {
            return new CostModels(d).variant().table().cost(spec, d);
        }
        throw new AssertionError("not a dynamic operator: " + spec);
    }
}
