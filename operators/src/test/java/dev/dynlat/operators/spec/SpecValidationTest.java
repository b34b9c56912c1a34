package dev.dynlat.operators.spec;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every spec rejects bad fields with a message that names the field and the bad value. */
class SpecValidationTest {

    private static Conv2dSpec conv(int cin, int cout, int h, int w, int k, int s, int g, double in, double out, int cg) {
        return new Conv2dSpec(cin, cout, h, w, k, s, g, in, out, cg);
    }

    private static final Conv2dSpec OK = Conv2dSpec.dense(64, 64, 14, 14, 3, 1, 1);

    private static Arguments bad(String field, String value, Supplier<Object> make) {
        return Arguments.of(field, value, make);
    }

    static Stream<Arguments> badSpecs() {
        return Stream.of(
                bad("in_channels", "-3", () -> conv(-3, 64, 14, 14, 3, 1, 1, 1, 1, 1)),
                bad("out_channels", "0", () -> conv(64, 0, 14, 14, 3, 1, 1, 1, 1, 1)),
                bad("height", "-14", () -> conv(64, 64, -14, 14, 3, 1, 1, 1, 1, 1)),
                bad("width", "0", () -> conv(64, 64, 14, 0, 3, 1, 1, 1, 1, 1)),
                bad("kernel", "-1", () -> conv(64, 64, 14, 14, -1, 1, 1, 1, 1, 1)),
                bad("stride", "0", () -> conv(64, 64, 14, 14, 3, 0, 1, 1, 1, 1)),
                bad("stride", "16", () -> conv(64, 64, 14, 14, 3, 16, 1, 1, 1, 1)),
                bad("groups", "-2", () -> conv(64, 64, 14, 14, 3, 1, -2, 1, 1, 1)),
                bad("groups", "3", () -> conv(64, 66, 14, 14, 3, 1, 3, 1, 1, 1)),
                bad("groups", "5", () -> conv(65, 64, 14, 14, 3, 1, 5, 1, 1, 1)),
                bad("in_density", "1.5", () -> conv(64, 64, 14, 14, 3, 1, 1, 1.5, 1, 1)),
                bad("in_density", "-0.1", () -> conv(64, 64, 14, 14, 3, 1, 1, -0.1, 1, 1)),
                bad("in_density", "NaN", () -> conv(64, 64, 14, 14, 3, 1, 1, Double.NaN, 1, 1)),
                bad("out_density", "NaN", () -> conv(64, 64, 14, 14, 3, 1, 1, 1, Double.NaN, 1)),
                bad("out_density", "Infinity", () -> conv(64, 64, 14, 14, 3, 1, 1, 1, Double.POSITIVE_INFINITY, 1)),
                bad("channel_group", "0", () -> conv(64, 64, 14, 14, 3, 1, 1, 1, 0.5, 0)),
                bad("in_features", "0", () -> new LinearSpec(0, 10)),
                bad("out_features", "-10", () -> new LinearSpec(10, -10)),
                bad("rows", "-5", () -> new MatmulSpec(-5, 10, 10)),
                bad("inner", "0", () -> new MatmulSpec(5, 0, 10)),
                bad("cols", "-1", () -> new MatmulSpec(5, 10, -1)),
                bad("channels", "0", () -> new ElementwiseSpec(0, 4, 4)),
                bad("height", "-4", () -> new ElementwiseSpec(3, -4, 4)),
                bad("out_height", "0", () -> new AvgPoolSpec(8, 7, 7, 0, 1)),
                bad("out_width", "-1", () -> new AvgPoolSpec(8, 7, 7, 1, -1)),
                bad("channels", "-8", () -> new ReduceSpec(-8, 7, 7)),
                bad("width", "0", () -> new BroadcastMulSpec(8, 7, 0)),
                bad("squeeze", "0", () -> new SqueezeExcitationSpec(64, 7, 7, 0, 0, 1)),
                bad("granularity", "-1", () -> new SqueezeExcitationSpec(64, 7, 7, 16, -1, 1)),
                bad("density", "1.01", () -> new SqueezeExcitationSpec(64, 7, 7, 16, 1, 1.01)),
                bad("density", "NaN", () -> new SqueezeExcitationSpec(64, 7, 7, 16, 1, Double.NaN)),
                bad("in_elements", "0", () -> new UnfoldSpec(0, 10)),
                bad("out_elements", "-10", () -> new UnfoldSpec(10, -10)),
                bad("outer", "0", () -> new TensorShape(0, 4, 4)),
                bad("rows", "-4", () -> new TensorShape(1, -4, 4)),
                bad("last", "0", () -> new TensorShape(1, 4, 0)),
                bad("channels", "0", () -> new GatherSpec(0, 14, 14, 2, 1, 0.5)),
                bad("granularity", "0", () -> new GatherSpec(8, 14, 14, 0, 1, 0.5)),
                bad("granularity", "15", () -> new GatherSpec(8, 14, 14, 15, 1, 0.5)),
                bad("halo", "-1", () -> new GatherSpec(8, 14, 14, 2, -1, 0.5)),
                bad("rate", "NaN", () -> new GatherSpec(8, 14, 14, 2, 1, Double.NaN)),
                bad("rate", "-0.5", () -> new GatherSpec(8, 14, 14, 2, 1, -0.5)),
                bad("height", "-14", () -> new ScatterSpec(8, -14, 14, 2, 0.5, true)),
                bad("granularity", "29", () -> new ScatterSpec(8, 14, 28, 29, 0.5, true)),
                bad("rate", "2.0", () -> new ScatterSpec(8, 14, 14, 2, 2.0, false)),
                bad("rate", "NaN", () -> new ScatterSpec(8, 14, 14, 2, Double.NaN, false)),
                bad("granularity", "0", () -> new SpatialConvSpec(OK, 0, 0.5, true, 0)),
                bad("granularity", "15", () -> new SpatialConvSpec(OK, 15, 0.5, true, 0)),
                // stride 2 halves the 14x14 map: S=8 is larger than the 7x7 output.
                bad("granularity", "8", () -> new SpatialConvSpec(Conv2dSpec.dense(64, 64, 14, 14, 3, 2, 1), 8, 0.5,
                        true, 0)),
                bad("rate", "NaN", () -> new SpatialConvSpec(OK, 2, Double.NaN, true, 0)),
                bad("rate", "1.5", () -> new SpatialConvSpec(OK, 2, 1.5, true, 0)),
                bad("halo", "-1", () -> new SpatialConvSpec(OK, 2, 0.5, true, -1)),
                bad("granularity", "-2", () -> new SpatialMaskerSpec(OK, -2, 0.5, 3)),
                bad("rate", "NaN", () -> new SpatialMaskerSpec(OK, 2, Double.NaN, 3)),
                bad("next_kernel", "0", () -> new SpatialMaskerSpec(OK, 2, 0.5, 0)),
                bad("in_channels", "0", () -> new ChannelMaskerSpec(0, 7, 7, 4, 0)),
                bad("groups", "0", () -> new ChannelMaskerSpec(64, 7, 7, 0, 0)),
                bad("hidden", "-1", () -> new ChannelMaskerSpec(64, 7, 7, 4, -1)),
                bad("height", "-1", () -> new PatchGrid(-1, 7, 1)),
                bad("granularity", "0", () -> new PatchGrid(7, 7, 0)),
                bad("out_height", "0", () -> new Conv2dSpec(8, 8, 7, 7, 0, 7, 3, 1, 1, 1, 1, 1)),
                bad("out_width", "-2", () -> new Conv2dSpec(8, 8, 7, 7, 7, -2, 3, 1, 1, 1, 1, 1)),
                bad("padding", "-1", () -> Conv2dSpec.padded(8, 8, 7, 7, 3, 1, -1, 1)),
                bad("height", "kernel 7", () -> Conv2dSpec.padded(8, 8, 4, 9, 7, 1, 1, 1)),
                bad("function", "null", () -> new ActivationSpec(null, new TensorShape(1, 4, 4))),
                bad("activation", "'leaky'", () -> ActivationFunction.parse("leaky")),
                bad("op", "'sub'", () -> BinaryOp.parse("sub")),
                bad("op", "null", () -> new ElementwiseSpec(null, 4, 4, 4)),
                bad("tensor_operands", "3", () -> new ElementwiseSpec(BinaryOp.DIV, 4, 4, 4, 3)),
                bad("channels", "0", () -> new MaxPoolSpec(0, 56, 56, 3, 2, 1)),
                bad("kernel", "0", () -> new MaxPoolSpec(8, 56, 56, 0, 2, 1)),
                bad("stride", "-2", () -> new MaxPoolSpec(8, 56, 56, 3, -2, 1)),
                bad("padding", "-1", () -> new MaxPoolSpec(8, 56, 56, 3, 2, -1)),
                bad("padding", "2", () -> new MaxPoolSpec(8, 56, 56, 3, 2, 2)),
                bad("height", "2", () -> new MaxPoolSpec(8, 2, 56, 5, 1, 1)),
                bad("input_channels", "1", () -> new ConcatSpec(List.of(64), 7, 7)),
                bad("input_channels[1]", "0", () -> new ConcatSpec(List.of(64, 0), 7, 7)),
                bad("height", "-7", () -> new ConcatSpec(List.of(64, 32), -7, 7)),
                bad("input_size", "0", () -> new GruCellSpec(0, 1024)),
                bad("hidden_size", "-1", () -> new GruCellSpec(1024, -1)),
                bad("out_height", "0", () -> new ResizeSpec(8, 7, 7, 0, 14)),
                bad("width", "-7", () -> new ResizeSpec(8, 7, -7, 14, 14)),
                bad("out_height", "9", () -> new CropSpec(8, 7, 7, 9, 7)),
                bad("out_width", "0", () -> new CropSpec(8, 7, 7, 7, 0)));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badSpecs")
    void rejectsWithFieldAndValue(String field, String value, Supplier<Object> make) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, make::get);
        String m = e.getMessage();
        assertTrue(m != null && m.contains(field), "message does not name " + field + ": " + m);
        assertTrue(m.contains(value), "message does not name the value " + value + ": " + m);
    }

    @Test
    void acceptsBoundaryValues() {
        List<Supplier<Object>> ok = List.of(
                () -> conv(64, 64, 14, 14, 3, 1, 1, 0, 0, 1),
                () -> conv(64, 64, 14, 14, 3, 1, 1, 1, 1, 1),
                () -> conv(64, 64, 1, 1, 1, 1, 64, 1, 1, 1),
                () -> conv(3, 3, 2, 2, 1, 2, 1, 1, 1, 1),
                () -> new GatherSpec(8, 14, 28, 28, 0, 0),
                () -> new ScatterSpec(8, 14, 14, 14, 1, true),
                () -> new SpatialConvSpec(OK, 14, 0, false, 0),
                () -> new ChannelMaskerSpec(64, 7, 7, 1, 0),
                () -> new SqueezeExcitationSpec(64, 7, 7, 16, 0, 0));
        for (Supplier<Object> s : ok) {
            assertDoesNotThrow(s::get);
        }
    }

    @Test
    void paddedConvolutionsAndPoolsUsePyTorchsOutputSize() {
        // ResNet stem: 224, k7, s2, p3 -> 112; max-pool k3 s2 p1: 112 -> 56; valid 3x3 on 32 -> 30.
        Conv2dSpec stem = Conv2dSpec.padded(3, 64, 224, 224, 7, 2, 3, 1);
        assertEquals(112, stem.outHeight());
        assertEquals(112, stem.outWidth());
        assertEquals(118013952.0, stem.macsPerSample());
        MaxPoolSpec pool = new MaxPoolSpec(64, 112, 112, 3, 2, 1);
        assertEquals(56, pool.outHeight());
        assertEquals(56, pool.outWidth());
        Conv2dSpec valid = Conv2dSpec.padded(16, 16, 32, 31, 3, 1, 0, 1);
        assertEquals(30, valid.outHeight());
        assertEquals(29, valid.outWidth());
        // EfficientNet-style odd map with stride 2: (15 + 2 - 3) / 2 + 1 = 8, where in / stride is 7.
        assertEquals(8, Conv2dSpec.padded(8, 8, 15, 15, 3, 2, 1, 8).outHeight());
        assertEquals(7, Conv2dSpec.dense(8, 8, 15, 15, 3, 2, 8).outHeight());
        // Densities keep the output size.
        assertEquals(valid.outHeight(), valid.withDensities(0.5, 0.25, 4).outHeight());
    }

    @Test
    void namedEnumsRoundTripTheirIds() {
        for (ActivationFunction f : ActivationFunction.values()) {
            assertEquals(f, ActivationFunction.parse(f.id()));
        }
        assertEquals(List.of("relu", "relu6", "hard-swish", "swish", "gelu", "sigmoid", "hard-sigmoid", "tanh"),
                java.util.Arrays.stream(ActivationFunction.values()).map(ActivationFunction::id).toList());
        assertEquals(BinaryOp.MUL, BinaryOp.parse("mul"));
        assertEquals(BinaryOp.POW, BinaryOp.parse("POW"));
        assertEquals(2, new ElementwiseSpec(BinaryOp.DIV, 4, 4, 4).tensorOperands());
        ElementwiseSpec scalar = ElementwiseSpec.withScalar(BinaryOp.DIV, TensorShape.of(6, 10));
        assertEquals(new ElementwiseSpec(BinaryOp.DIV, 10, 1, 6, 1), scalar);
        assertEquals(BinaryOp.ADD, new ElementwiseSpec(4, 4, 4).op());
        assertEquals(BinaryOp.ADD, ElementwiseSpec.ofShape(new TensorShape(2, 3, 4)).op());
        assertEquals(new ConcatSpec(List.of(64, 32, 32), 7, 7).outChannels(), 128);
        assertEquals(3.0 * (100 * 50 + 50 * 50), new GruCellSpec(100, 50).macsPerSample());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ActivationFunction.parse("leaky"));
        assertTrue(e.getMessage().contains("hard-swish"), "lists the valid ids: " + e.getMessage());
    }

    @Test
    void tensorShapeOfRejectsNegativeLeadingDims() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TensorShape.of(-2, -3, 4, 5));
        assertTrue(e.getMessage().contains("-2") || e.getMessage().contains("-3"), e.getMessage());
    }

    @Test
    void tensorShapeOfRejectsAZeroOrSingleNegativeLeadingDimAndLowRank() {
        assertThrows(IllegalArgumentException.class, () -> TensorShape.of(0, 4, 5));
        assertThrows(IllegalArgumentException.class, () -> TensorShape.of(-2, 4, 5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TensorShape.of(5));
        assertTrue(e.getMessage().contains("rank"), e.getMessage());
    }

    @Test
    void dynamicSqueezeExcitationRejectsGranularityLargerThanTheMap() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SqueezeExcitationSpec(64, 7, 7, 16, 8, 0.5));
        assertTrue(e.getMessage().contains("granularity") && e.getMessage().contains("8"), e.getMessage());
    }
}
