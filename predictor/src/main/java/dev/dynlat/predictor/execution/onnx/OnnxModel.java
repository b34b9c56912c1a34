package dev.dynlat.predictor.execution.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds an ONNX model (opset 13) node by node: float32 tensors, initializers as raw little-endian
 * data. Field numbers are those of onnx.proto (ModelProto, GraphProto, NodeProto, AttributeProto,
 * TensorProto, ValueInfoProto).
 */
public final class OnnxModel {
    private static final int FLOAT = 1;
    private static final int ATTR_INT = 2;
    private static final int ATTR_INTS = 7;
    private final List<ProtoWriter> nodes = new ArrayList<>();
    private final List<ProtoWriter> initializers = new ArrayList<>();
    private final List<ProtoWriter> inputs = new ArrayList<>();
    private final List<ProtoWriter> outputs = new ArrayList<>();
    private int counter;

    /** A fresh tensor name. */
    public String name(String prefix) {
        return prefix + "_" + counter++;
    }

    public void input(String name, long... dims) {
        inputs.add(valueInfo(name, dims));
    }

    public void output(String name, long... dims) {
        outputs.add(valueInfo(name, dims));
    }

    /** A float initializer. */
    public String initializer(String prefix, float[] values, long... dims) {
        String n = name(prefix);
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        ProtoWriter t = new ProtoWriter().packedInts(1, dims).varint(2, FLOAT).string(8, n).bytes(9, b.array());
        initializers.add(t);
        return n;
    }

    /** An int64 initializer (shapes). */
    public String int64Initializer(String prefix, long... values) {
        String n = name(prefix);
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(values);
        ProtoWriter t = new ProtoWriter().packedInts(1, new long[] {values.length}).varint(2, 7).string(8, n)
                .bytes(9, b.array());
        initializers.add(t);
        return n;
    }

    /** One node; attributes as alternating name, value (Long or long[]). Returns the output name. */
    public String node(String op, List<String> in, Object... attributes) {
        String out = name(op.toLowerCase(java.util.Locale.ROOT));
        ProtoWriter n = new ProtoWriter();
        for (String i : in) {
            n.string(1, i);
        }
        n.string(2, out).string(3, out).string(4, op);
        for (int a = 0; a < attributes.length; a += 2) {
            ProtoWriter attr = new ProtoWriter().string(1, (String) attributes[a]);
            if (attributes[a + 1] instanceof long[] ints) {
                attr.packedInts(8, ints).varint(20, ATTR_INTS);
            } else {
                attr.varint(3, (Long) attributes[a + 1]).varint(20, ATTR_INT);
            }
            n.message(5, attr);
        }
        nodes.add(n);
        return out;
    }

    private static ProtoWriter valueInfo(String name, long[] dims) {
        ProtoWriter shape = new ProtoWriter();
        for (long d : dims) {
            shape.message(1, new ProtoWriter().varint(1, d));
        }
        ProtoWriter tensor = new ProtoWriter().varint(1, FLOAT).message(2, shape);
        return new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(1, tensor));
    }

    /** The serialized ModelProto. */
    public byte[] toBytes(String graphName) {
        ProtoWriter g = new ProtoWriter();
        nodes.forEach(n -> g.message(1, n));
        g.string(2, graphName);
        initializers.forEach(t -> g.message(5, t));
        inputs.forEach(i -> g.message(11, i));
        outputs.forEach(o -> g.message(12, o));
        return new ProtoWriter().varint(1, 8).string(2, "dynlat").message(7, g)
                .message(8, new ProtoWriter().string(1, "").varint(2, 13)).toBytes();
    }
}
