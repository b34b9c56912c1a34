package dev.dynlat.operators.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.profile.DeviceProfile;
import dev.dynlat.operators.spec.ActivationFunction;
import dev.dynlat.operators.spec.ActivationSpec;
import dev.dynlat.operators.spec.AvgPoolSpec;
import dev.dynlat.operators.spec.BinaryOp;
import dev.dynlat.operators.spec.BroadcastMulSpec;
import dev.dynlat.operators.spec.ChannelMaskerSpec;
import dev.dynlat.operators.spec.ConcatSpec;
import dev.dynlat.operators.spec.Conv2dSpec;
import dev.dynlat.operators.spec.CropSpec;
import dev.dynlat.operators.spec.ElementwiseSpec;
import dev.dynlat.operators.spec.EmbeddingSpec;
import dev.dynlat.operators.spec.GatherSpec;
import dev.dynlat.operators.spec.GruCellSpec;
import dev.dynlat.operators.spec.LayerGateSpec;
import dev.dynlat.operators.spec.LinearSpec;
import dev.dynlat.operators.spec.MaskerScheduleSpec;
import dev.dynlat.operators.spec.MatmulSpec;
import dev.dynlat.operators.spec.MaxPoolSpec;
import dev.dynlat.operators.spec.NormSpec;
import dev.dynlat.operators.spec.OperatorSpec;
import dev.dynlat.operators.spec.ReduceSpec;
import dev.dynlat.operators.spec.ResizeSpec;
import dev.dynlat.operators.spec.ScatterSpec;
import dev.dynlat.operators.spec.SoftmaxSpec;
import dev.dynlat.operators.spec.SpatialConvSpec;
import dev.dynlat.operators.spec.SpatialMaskerSpec;
import dev.dynlat.operators.spec.SqueezeExcitationSpec;
import dev.dynlat.operators.spec.TensorShape;
import dev.dynlat.operators.spec.UnfoldSpec;
import dev.dynlat.operators.testing.Devices;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Counts that exceed an int (waves, tiles, elements at huge batches and maps) never turn into
 * negative or non-finite times: every kind on every built-in profile, both variants, at batch
 * 2^31 − 1 on network-sized shapes and at batch 1 on shapes far larger than any network's.
 */
class OverflowTest {
    private static final int MAX_BATCH = Integer.MAX_VALUE;

    /** Shapes as networks have them (ResNet, ViT layers at 224×224), one or more per kind. */
    static List<OperatorSpec> networkShapes() {
        Conv2dSpec conv = Conv2dSpec.dense(256, 256, 56, 56, 3, 1, 1);
        SpatialMaskerSpec masker = new SpatialMaskerSpec(Conv2dSpec.dense(256, 64, 56, 56, 1, 1, 1), 4, 0.5, 3);
        TensorShape tokens = TensorShape.of(6, 197, 197);
        return List.of(conv, Conv2dSpec.padded(3, 64, 224, 224, 7, 2, 3, 1),
                new Conv2dSpec(256, 256, 56, 56, 3, 1, 1, 0.5, 0.5, 4), Conv2dSpec.dense(256, 256, 56, 56, 3, 1, 256),
                new LinearSpec(2048, 1000), new MatmulSpec(197L * 6, 64, 197),
                new ElementwiseSpec(BinaryOp.MUL, 256, 56, 56), new AvgPoolSpec(2048, 7, 7, 1, 1),
                new MaxPoolSpec(64, 112, 112, 3, 2, 1), new ReduceSpec(2048, 7, 7), new BroadcastMulSpec(256, 56, 56),
                new SqueezeExcitationSpec(256, 56, 56, 64, 4, 0.5), SqueezeExcitationSpec.dense(256, 56, 56, 64),
                new NormSpec(tokens), new SoftmaxSpec(tokens), new ActivationSpec(ActivationFunction.GELU, tokens),
                new UnfoldSpec(3L * 224 * 224, 147L * 56 * 56), new EmbeddingSpec(512, 1024, 30522),
                new ConcatSpec(List.of(256, 32, 32), 56, 56),
                new CropSpec(3, 224, 224, 96, 96), new ResizeSpec(3, 224, 224, 96, 96), new GruCellSpec(2048, 1024),
                new GatherSpec(256, 56, 56, 4, 1, 0.5), new ScatterSpec(256, 56, 56, 4, 0.5, true),
                new ScatterSpec(256, 56, 56, 4, 0.5, false), new SpatialConvSpec(conv, 4, 0.5, true, 1),
                new SpatialConvSpec(conv, 4, 0.5, false, 0), masker,
                new MaskerScheduleSpec(masker, MaskerScheduleSpec.Schedule.FUSED),
                new MaskerScheduleSpec(masker, MaskerScheduleSpec.Schedule.SEPARATE),
                new ChannelMaskerSpec(256, 56, 56, 16, 64), new LayerGateSpec(Conv2dSpec.dense(256, 64, 56, 56, 1, 1, 1)));
    }

    /** Shapes whose element, tile and patch counts alone exceed an int. */
    static List<OperatorSpec> hugeShapes() {
        int side = 1 << 16;
        Conv2dSpec conv = Conv2dSpec.dense(64, 64, side, side, 3, 1, 1);
        SpatialMaskerSpec masker = new SpatialMaskerSpec(Conv2dSpec.dense(64, 64, side, side, 1, 1, 1), 1, 0.5, 3);
        TensorShape big = new TensorShape(1L << 24, 4096, 4096);
        return List.of(conv, new Conv2dSpec(4096, 4096, side, side, 3, 1, 1, 0.5, 0.5, 4),
                Conv2dSpec.dense(4096, 4096, side, side, 3, 1, 4096), new LinearSpec(1 << 20, 1 << 20),
                new MatmulSpec(1L << 40, 4096, 4096), new ElementwiseSpec(BinaryOp.ADD, 4096, 1L << 40, 4096),
                new AvgPoolSpec(4096, side, side, 1, 1), new MaxPoolSpec(4096, side, side, 3, 2, 1),
                new ReduceSpec(1L << 40, side, side), new BroadcastMulSpec(4096, side, side),
                new SqueezeExcitationSpec(4096, side, side, 1024, 1, 0.5), SqueezeExcitationSpec.dense(4096, side, side,
                        1024), new NormSpec(big), new SoftmaxSpec(big), new ActivationSpec(ActivationFunction.RELU, big),
                new UnfoldSpec(1L << 50, 1L << 52), new EmbeddingSpec(1L << 50, 1 << 20, 1 << 20),
                new ConcatSpec(List.of(1 << 20, 1 << 20), side, side),
                new CropSpec(4096, side, side, side, side / 2), new ResizeSpec(4096, side, side, side, side),
                new GruCellSpec(1 << 20, 1 << 20), new GatherSpec(64, side, side, 1, 1, 0.5),
                new ScatterSpec(64, side, side, 1, 0.5, true), new ScatterSpec(64, side, side, 1, 0.5, false),
                new SpatialConvSpec(conv, 1, 0.5, true, 1), new SpatialConvSpec(conv, 1, 0.5, false, 0), masker,
                new MaskerScheduleSpec(masker, MaskerScheduleSpec.Schedule.FUSED),
                new MaskerScheduleSpec(masker, MaskerScheduleSpec.Schedule.SEPARATE),
                new ChannelMaskerSpec(4096, side, side, 64, 1024),
                new LayerGateSpec(Conv2dSpec.dense(4096, 64, side, side, 1, 1, 1)));
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (DeviceProfile p : Devices.builtIn()) {
            for (ModelVariant v : ModelVariant.values()) {
                out.add(Arguments.of(p.name() + " " + v.id() + " batch 2^31-1", DeviceModel.of(p, v, MAX_BATCH),
                        networkShapes()));
                out.add(Arguments.of(p.name() + " " + v.id() + " huge shapes", DeviceModel.of(p, v, 1), hugeShapes()));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void timesStayFiniteAndNonNegative(String name, DeviceModel d, List<OperatorSpec> specs) {
        CostModels models = new CostModels(d);
        for (OperatorSpec spec : specs) {
            OperatorCost c;
            try {
                c = models.cost(spec);
            } catch (RuntimeException e) {
                throw new AssertionError(spec + " on " + name + ": " + e, e);
            }
            for (double v : new double[] {c.latencyS(), c.computeS(), c.memoryS(), c.launchS(), c.macs(),
                c.dramBytes()}) {
                assertTrue(Double.isFinite(v) && v >= 0, spec + " on " + name + ": " + c);
            }
            assertTrue(c.latencyS() > 0, spec + " on " + name + ": " + c);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyKindIsCovered(String name, DeviceModel d, List<OperatorSpec> specs) {
        Set<Class<?>> covered = new HashSet<>();
        specs.forEach(s -> covered.add(s.getClass()));
        Set<String> missing = new TreeSet<>();
        for (Class<?> type : RegistryCoverageTest.specTypes()) {
            if (!covered.contains(type)) {
                missing.add(type.getSimpleName());
            }
        }
        assertEquals(Set.of(), missing, name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void wavesDoNotWrapAround(String name, DeviceModel d, List<OperatorSpec> specs) {
        long tiles = 1L << 40;
        assertEquals((tiles + d.engines() - 1) / d.engines(), d.waves(tiles));
        assertTrue(d.waves(Long.MAX_VALUE - d.engines()) > 0);
    }
}
