package dev.dynlat.predictor.importer;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import java.util.List;

/**
 * One ONNX node with its attribute lookups; {@code index} is its position in the graph (names are
 * optional in ONNX, so messages fall back to it).
 */
record OnnxNode(NodeProto proto, int index) {
    String op() {
        return proto.getOpType();
    }

    /** The node's name, or its op type and index when the exporter left it unnamed. */
    String label() {
        return proto.getName().isEmpty() ? op() + "_" + index : proto.getName();
    }

    List<String> inputs() {
        return proto.getInputList();
    }

    String input(int i) {
        return i < proto.getInputCount() ? proto.getInput(i) : "";
    }

    String output(int i) {
        return proto.getOutput(i);
    }

    AttributeProto attribute(String name) {
        for (AttributeProto a : proto.getAttributeList()) {
            if (a.getName().equals(name)) {
                return a;
            }
        }
        return null;
    }

    long intAttr(String name, long dflt) {
        AttributeProto a = attribute(name);
        return a == null ? dflt : a.getI();
    }

    double floatAttr(String name, double dflt) {
        AttributeProto a = attribute(name);
        return a == null ? dflt : a.getF();
    }

    String stringAttr(String name, String dflt) {
        AttributeProto a = attribute(name);
        return a == null ? dflt : a.getS().toStringUtf8();
    }

    /** An ints attribute, or null when absent. */
    long[] intsAttr(String name) {
        AttributeProto a = attribute(name);
        return a == null ? null : a.getIntsList().stream().mapToLong(Long::longValue).toArray();
    }
}
