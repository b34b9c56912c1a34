package dev.dynlat.predictor.importer;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds ONNX graphs in tests through the ONNX protobuf classes, node by node as an exporter
 * writes them. It knows nothing of shapes: the tests track the shapes they build and count MACs
 * themselves, independently of the importer.
 */
final class TestGraph {
    private final GraphProto.Builder g = GraphProto.newBuilder().setName("test");
    final int opset;
    private int counter;

    TestGraph(int opset) {
        this.opset = opset;
    }

    /** A float input; a negative size is a dynamic dimension named {@code params[i]}. */
    String input(String name, long[] dims, String... params) {
        TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
        for (int i = 0; i < dims.length; i++) {
            TensorShapeProto.Dimension.Builder d = TensorShapeProto.Dimension.newBuilder();
            if (dims[i] > 0) {
                d.setDimValue(dims[i]);
            } else {
                d.setDimParam(i < params.length ? params[i] : "d" + i);
            }
            s.addDim(d);
        }
        g.addInput(ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(1).setShape(s))));
        return name;
    }

    /** An int64 input of token ids, [batch, tokens], both dynamic (as transformers exports them). */
    String tokenIds(String name, String batch, String tokens) {
        TensorShapeProto.Builder s = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(batch))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(tokens));
        g.addInput(ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(7).setShape(s))));
        return name;
    }

    /** A float weight of these dims (no data: the importer needs only dims). */
    String weight(long... dims) {
        String name = "w" + counter++;
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(1);
        for (long d : dims) {
            t.addDims(d);
        }
        g.addInitializer(t);
        return name;
    }

    /** An int64 constant vector as an initializer. */
    String ints(long... values) {
        String name = "i" + counter++;
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(7).addDims(values.length);
        for (long v : values) {
            t.addInt64Data(v);
        }
        g.addInitializer(t);
        return name;
    }

    /** An int64 constant vector written as a Constant node (as torch.onnx does). */
    String constantInts(long... values) {
        TensorProto.Builder t = TensorProto.newBuilder().setDataType(7).addDims(values.length);
        for (long v : values) {
            t.addInt64Data(v);
        }
        return node("Constant", new String[0], AttributeProto.newBuilder().setName("value")
                .setType(AttributeProto.AttributeType.TENSOR).setT(t).build());
    }

    /** An int64 scalar (rank 0) initializer, as Gather indices. */
    String intScalar(long v) {
        String name = "i" + counter++;
        g.addInitializer(TensorProto.newBuilder().setName(name).setDataType(7).addInt64Data(v));
        return name;
    }

    /** A float scalar initializer. */
    String scalar(double v) {
        String name = "s" + counter++;
        g.addInitializer(TensorProto.newBuilder().setName(name).setDataType(1).addFloatData((float) v));
        return name;
    }

    static AttributeProto i(String name, long v) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(v).build();
    }

    static AttributeProto f(String name, double v) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF((float) v)
                .build();
    }

    static AttributeProto ints(String name, long... v) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long x : v) {
            a.addInts(x);
        }
        return a.build();
    }

    /** One node with one output; returns the output's name. */
    String node(String op, String[] inputs, AttributeProto... attrs) {
        return nodeOutputs(op, inputs, 1, attrs)[0];
    }

    String node(String op, String input, AttributeProto... attrs) {
        return node(op, new String[] {input}, attrs);
    }

    String[] nodeOutputs(String op, String[] inputs, int outputs, AttributeProto... attrs) {
        int id = counter++;
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName("/" + op.toLowerCase() + "_" + id);
        for (String in : inputs) {
            n.addInput(in);
        }
        String[] outs = new String[outputs];
        for (int k = 0; k < outputs; k++) {
            outs[k] = "t" + id + "_" + k;
            n.addOutput(outs[k]);
        }
        for (AttributeProto a : attrs) {
            n.addAttribute(a);
        }
        g.addNode(n);
        return outs;
    }

    void output(String name) {
        g.addOutput(ValueInfoProto.newBuilder().setName(name));
    }

    ModelProto model() {
        return ModelProto.newBuilder().setIrVersion(opset >= 13 ? 7 : 6).setProducerName("dynlat-test")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset)).setGraph(g).build();
    }

    Path write(Path dir, String name) throws IOException {
        Path p = dir.resolve(name + ".onnx");
        Files.write(p, model().toByteArray());
        return p;
    }

    OnnxReader.OnnxModel parsed() {
        return new OnnxReader.OnnxModel(model(), opset);
    }
}
