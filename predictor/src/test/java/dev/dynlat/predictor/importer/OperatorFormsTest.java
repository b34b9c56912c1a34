package dev.dynlat.predictor.importer;

import static dev.dynlat.predictor.importer.TestGraph.f;
import static dev.dynlat.predictor.importer.TestGraph.i;
import static dev.dynlat.predictor.importer.TestGraph.ints;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.predictor.workload.Network;
import dev.dynlat.predictor.workload.NetworkNode;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The operators whose attributes moved to inputs across opsets (Pad 11, Split and Squeeze 13,
 * Slice 10, Resize 11, Split's num_outputs 18), decomposed and gated activations, a
 * squeeze-excitation gate and a transposed convolution, in one small graph built per opset.
 */
class OperatorFormsTest {

    private static String[] split(TestGraph g, String x, int opset) {
        if (opset >= 18) {
            return g.nodeOutputs("Split", new String[] {x}, 2, i("axis", 1), i("num_outputs", 2));
        }
        if (opset >= 13) {
            return g.nodeOutputs("Split", new String[] {x, g.ints(8, 8)}, 2, i("axis", 1));
        }
        return g.nodeOutputs("Split", new String[] {x}, 2, i("axis", 1), ints("split", 8, 8));
    }

    private static String pad(TestGraph g, String x, int opset, long p) {
        return opset >= 11 ? g.node("Pad", new String[] {x, g.ints(0, 0, p, p, 0, 0, p, p)})
                : g.node("Pad", x, ints("pads", 0, 0, p, p, 0, 0, p, p), f("value", 0));
    }

    @ParameterizedTest
    @ValueSource(ints = {9, 10, 11, 13, 18, 21})
    void everyOpsetsFormImportsWithTheGraphsMacs(int opset) {
        TestGraph g = new TestGraph(opset);
        double macs = 0;
        String x = g.input("x", new long[] {1, 3, 32, 32});
        // Pad → Conv: the pad becomes the conv's padding.
        String c1 = g.node("Conv", new String[] {pad(g, x, opset, 1), g.weight(16, 3, 3, 3)}, ints("kernel_shape", 3, 3));
        macs += 16.0 * 3 * 9 * 32 * 32;
        // x·relu6(x+3)/6, written out.
        String plus3 = g.node("Add", new String[] {c1, g.scalar(3)});
        String clip = opset >= 11 ? g.node("Clip", new String[] {plus3, g.scalar(0), g.scalar(6)})
                : g.node("Clip", plus3, f("min", 0), f("max", 6));
        String hs = g.node("Div", new String[] {g.node("Mul", new String[] {c1, clip}), g.scalar(6)});
        String[] halves = split(g, hs, opset);
        String a = g.node("Conv", new String[] {halves[0], g.weight(8, 8, 3, 3), g.weight(8)}, ints("pads", 1, 1, 1, 1));
        macs += 8.0 * 8 * 9 * 32 * 32;
        String swish = g.node("Mul", new String[] {a, g.node("Sigmoid", a)});
        String cat = g.node("Concat", new String[] {swish, halves[1]}, i("axis", 1));
        String sliced = opset >= 10 ? g.node("Slice", new String[] {cat, g.ints(0), g.ints(12), g.ints(1)})
                : g.node("Slice", cat, ints("starts", 0), ints("ends", 12), ints("axes", 1));
        // Squeeze-excitation: pool, reduce, expand, gate, scale.
        String pooled = g.node("GlobalAveragePool", sliced);
        String r = g.node("Relu", g.node("Conv", new String[] {pooled, g.weight(4, 12, 1, 1)}));
        String gate = g.node("HardSigmoid", g.node("Conv", new String[] {r, g.weight(12, 4, 1, 1)}),
                f("alpha", 1.0 / 6), f("beta", 0.5));
        macs += 12.0 * 4 * 2;
        String se = g.node("Mul", new String[] {sliced, gate});
        String pool = g.node("MaxPool", pad(g, se, opset, 1), ints("kernel_shape", 3, 3), ints("strides", 2, 2));
        String up = opset >= 11
                ? g.node("Resize", new String[] {pool, "", g.node("Constant", new String[0], floats(2))})
                : g.node("Upsample", new String[] {pool, g.node("Constant", new String[0], floats(2))});
        String c2 = g.node("Conv", new String[] {up, g.weight(8, 12, 1, 1)});
        macs += 8.0 * 12 * 32 * 32;
        String ct = g.node("ConvTranspose", new String[] {c2, g.weight(8, 4, 2, 2)}, ints("strides", 2, 2));
        macs += 8.0 * 4 * 4 * 32 * 32;
        String squeezed = opset >= 13
                ? g.node("Squeeze", new String[] {g.node("GlobalAveragePool", ct), g.ints(2, 3)})
                : g.node("Squeeze", g.node("GlobalAveragePool", ct), ints("axes", 2, 3));
        g.output(g.node("Gemm", new String[] {squeezed, g.weight(10, 4)}, i("transB", 1)));
        macs += 4.0 * 10;

        Network net = OnnxImportTest.load(g.parsed(), InputDims.NONE);
        assertEquals(macs, net.denseMacs(), macs * 1e-12);
        List<NetworkNode> nodes = net.stages().stream().flatMap(s -> s.nodes().stream()).toList();
        List<String> kinds = nodes.stream().map(NetworkNode::kind).toList();
        // Every activation, decomposed or gated, fused into the conv before it (SE's gate too).
        List<Object> acts = OnnxImporter.importModel(g.parsed(), InputDims.NONE, "forms").description().stages()
                .stream().flatMap(s -> s.nodes().stream()).filter(d -> d.kind().equals("conv"))
                .map(d -> d.params().getOrDefault("act", "none")).toList();
        assertEquals(List.of("hard-swish", "swish", "none", "none"), acts, kinds.toString());
        // The squeeze-excitation's 1×1 convs on the pooled map are fully connected layers.
        List<Object> fcActs = OnnxImporter.importModel(g.parsed(), InputDims.NONE, "forms").description().stages()
                .stream().flatMap(s -> s.nodes().stream()).filter(d -> d.kind().equals("linear"))
                .map(d -> d.params().getOrDefault("act", "none")).toList();
        assertEquals(List.of("relu", "hard-sigmoid", "none"), fcActs, kinds.toString());
        assertTrue(kinds.contains("mul") && kinds.contains("concat") && kinds.contains("max-pool"), kinds.toString());
        assertEquals("4x64x64", nodes.stream().filter(n -> n.kind().equals("resize")).reduce((p, q) -> q)
                .orElseThrow().output().describe());
    }

    private static ai.onnx.proto.OnnxMl.AttributeProto floats(double scale) {
        var t = ai.onnx.proto.OnnxMl.TensorProto.newBuilder().setDataType(1).addDims(4);
        for (double v : new double[] {1, 1, scale, scale}) {
            t.addFloatData((float) v);
        }
        return ai.onnx.proto.OnnxMl.AttributeProto.newBuilder().setName("value")
                .setType(ai.onnx.proto.OnnxMl.AttributeProto.AttributeType.TENSOR).setT(t).build();
    }
}
