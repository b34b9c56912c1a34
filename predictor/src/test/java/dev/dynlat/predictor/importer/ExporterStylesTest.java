package dev.dynlat.predictor.importer;

import static dev.dynlat.predictor.importer.TestGraph.f;
import static dev.dynlat.predictor.importer.TestGraph.i;
import static dev.dynlat.predictor.importer.TestGraph.ints;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.predictor.dynamic.CnnDynamics;
import dev.dynlat.predictor.dynamic.Paradigm;
import dev.dynlat.predictor.engine.Predictor;
import dev.dynlat.predictor.engine.TestProfiles;
import dev.dynlat.predictor.engine.Workload;
import dev.dynlat.predictor.schedule.Schedule;
import dev.dynlat.predictor.workload.InputShape;
import dev.dynlat.predictor.workload.Network;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Graphs as tf2onnx writes them (NHWC input, SAME padding) and ConvNeXt blocks, which match no block kind yet. */
class ExporterStylesTest {

    @Test
    void tf2onnxChannelsLastInputWithSamePaddingTakesItsSizeFromInput() {
        TestGraph g = new TestGraph(13);
        String x = g.input("input_1", new long[] {-1, -1, -1, 3}, "N", "H", "W", "");
        String nchw = g.node("Transpose", x, ints("perm", 0, 3, 1, 2));
        // SAME_UPPER at stride 2 pads 0 before and 1 after: no symmetric padding in the file.
        String c = g.node("Conv", new String[] {nchw, g.weight(32, 3, 3, 3), g.weight(32)}, ints("strides", 2, 2),
                TestGraph.ints("kernel_shape", 3, 3), stringAttr("auto_pad", "SAME_UPPER"));
        String r = g.node("Relu", c);
        String dw = g.node("Conv", new String[] {r, g.weight(32, 1, 3, 3)}, i("group", 32),
                stringAttr("auto_pad", "SAME_UPPER"));
        String pooled = g.node("ReduceMean", dw, ints("axes", 2, 3), i("keepdims", 0));
        g.output(g.node("MatMul", new String[] {pooled, g.weight(32, 5)}));
        double macs = 32.0 * 3 * 9 * 112 * 112 + 32.0 * 9 * 112 * 112 + 32.0 * 5;
        Network net = OnnxImportTest.load(g.parsed(), InputDims.parse("224"));
        assertEquals(3, net.description().inputChannels());
        assertEquals(InputShape.Image.square(3, 224), net.input());
        assertEquals(macs, net.denseMacs(), macs * 1e-12);
    }

    private static ai.onnx.proto.OnnxMl.AttributeProto stringAttr(String name, String v) {
        return ai.onnx.proto.OnnxMl.AttributeProto.newBuilder().setName(name)
                .setType(ai.onnx.proto.OnnxMl.AttributeProto.AttributeType.STRING)
                .setS(com.google.protobuf.ByteString.copyFromUtf8(v)).build();
    }

    /** ConvNeXt: depthwise 7×7, channels-last layer norm and linear layers, layer scale, identity add. */
    private static TestGraph convNext(int blocks, double[] macs) {
        TestGraph g = new TestGraph(17);
        String x = g.input("x", new long[] {1, 3, 224, 224});
        String stem = g.node("Conv", new String[] {x, g.weight(96, 3, 4, 4), g.weight(96)}, ints("strides", 4, 4));
        macs[0] = 96.0 * 3 * 16 * 56 * 56;
        String h = stem;
        for (int b = 0; b < blocks; b++) {
            String dw = g.node("Conv", new String[] {h, g.weight(96, 1, 7, 7), g.weight(96)}, i("group", 96),
                    ints("pads", 3, 3, 3, 3));
            String nhwc = g.node("Transpose", dw, ints("perm", 0, 2, 3, 1));
            String ln = g.node("LayerNormalization", new String[] {nhwc, g.weight(96), g.weight(96)}, i("axis", -1),
                    f("epsilon", 1e-6));
            String up = g.node("Add", new String[] {g.node("MatMul", new String[] {ln, g.weight(96, 384)}),
                g.weight(384)});
            String act = g.node("Mul", new String[] {g.node("Mul", new String[] {up, g.node("Add", new String[] {
                g.node("Erf", g.node("Div", new String[] {up, g.scalar(1.4142135)})), g.scalar(1)})}), g.scalar(0.5)});
            String down = g.node("Add", new String[] {g.node("MatMul", new String[] {act, g.weight(384, 96)}),
                g.weight(96)});
            String scaled = g.node("Mul", new String[] {down, g.weight(96)});
            h = g.node("Add", new String[] {h, g.node("Transpose", scaled, ints("perm", 0, 3, 1, 2))});
            macs[0] += 96.0 * 49 * 56 * 56 + 2 * 56.0 * 56 * 96 * 384;
        }
        String pooled = g.node("GlobalAveragePool", h);
        macs[0] += 96.0 * 10;
        g.output(g.node("Gemm", new String[] {g.node("Flatten", pooled), g.weight(10, 96)}, i("transB", 1)));
        return g;
    }

    @Test
    void convNextBlocksBecomeGenericResidualBlocksThatEveryModeReaches() {
        double[] macs = new double[1];
        TestGraph g = convNext(3, macs);
        OnnxImporter.Result r = OnnxImporter.importModel(g.parsed(), InputDims.NONE, "convnext");
        assertTrue(r.notes().isEmpty(), r.notes().toString());
        var block = r.description().stages().get(1).nodes().get(0);
        assertEquals("residual", block.kind());
        assertEquals(3, block.repeat());
        assertEquals(List.of("conv", "layer-norm", "conv", "conv"), block.children().stream().map(c -> c.kind()).toList());
        assertEquals("gelu", block.children().get(2).params().get("act"));
        Network net = OnnxImportTest.load(g.parsed(), InputDims.NONE);
        assertEquals(macs[0], net.denseMacs(), macs[0] * 1e-12);
        assertEquals(3, net.blockCount());
        assertEquals(1, net.residualStages().size());
        Predictor p = new Predictor(TestProfiles.withNeutralCalibration("tx2"), ModelVariant.CALIBRATED,
                Schedule.defaults());
        double dense = p.predict(Workload.dense(net)).latencyMs();
        for (Paradigm mode : List.of(Paradigm.SPATIAL, Paradigm.CHANNEL, Paradigm.LAYER)) {
            double low = p.predict(new Workload(net, CnnDynamics.uniform(mode, net, new int[] {mode == Paradigm.SPATIAL
                    ? 4 : 2}, 0.25))).latencyMs();
            assertTrue(low < dense, mode + ": " + low + " ms at rate 0.25, dense " + dense + " ms");
        }
    }

    @Test
    void aResidualWithALayerNoBodyTakesIsReportedAndKeepsItsMacs() {
        TestGraph g = new TestGraph(13);
        String x = g.input("x", new long[] {1, 16, 32, 32});
        String c1 = g.node("Conv", new String[] {x, g.weight(16, 16, 3, 3)}, ints("pads", 1, 1, 1, 1));
        String c2 = g.node("Conv", new String[] {g.node("Tanh", c1), g.weight(16, 16, 3, 3)}, ints("pads", 1, 1, 1, 1));
        g.output(g.node("Add", new String[] {x, c2}));
        OnnxImporter.Result r = OnnxImporter.importModel(g.parsed(), InputDims.NONE, "odd");
        assertEquals(1, r.notes().size(), r.notes().toString());
        assertTrue(r.notes().get(0).contains("conv, pointwise, conv"), r.notes().toString());
        assertEquals(2.0 * 16 * 16 * 9 * 32 * 32, OnnxImportTest.load(g.parsed(), InputDims.NONE).denseMacs());
    }
}
