package dev.dynlat.predictor.importer;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An ONNX graph with every tensor's shape inferred at one input shape: its nodes in order, who
 * consumes each tensor, which tensors depend on the network input (the rest are weights and
 * shape arithmetic, evaluated here as constants).
 */
final class OnnxGraph {
    final int opset;
    final List<OnnxNode> nodes = new ArrayList<>();
    final Map<String, Tensor> tensors = new HashMap<>();
    final Set<String> dynamic = new HashSet<>();
    final Map<String, List<OnnxNode>> consumers = new HashMap<>();
    final Set<String> outputs = new HashSet<>();
    /** The network input: its name and dimensions (batch first). */
    final String input;
    final long[] inputDims;
    /** Whether the input is NHWC, read only through a transpose to NCHW. */
    final boolean channelsLast;
    /** Whether the input holds integer token ids ([batch, tokens]) rather than values. */
    final boolean tokenIds;

    OnnxGraph(OnnxReader.OnnxModel model, InputDims shape) {
        this.opset = model.opset();
        GraphProto g = model.proto().getGraph();
        checkSupported(g);
        for (TensorProto t : g.getInitializerList()) {
            tensors.put(t.getName(), TensorValues.decode(t));
        }
        List<ValueInfoProto> inputs = g.getInputList().stream().filter(v -> !tensors.containsKey(v.getName())).toList();
        if (inputs.size() != 1) {
            throw new ImportException("model: the graph has " + inputs.size() + " inputs ("
                    + String.join(", ", inputs.stream().map(ValueInfoProto::getName).toList())
                    + "); an import takes a network with one input");
        }
        ValueInfoProto in = inputs.get(0);
        input = in.getName();
        for (int i = 0; i < g.getNodeCount(); i++) {
            OnnxNode n = new OnnxNode(g.getNode(i), i);
            nodes.add(n);
            for (String t : n.inputs()) {
                if (!t.isEmpty()) {
                    consumers.computeIfAbsent(t, k -> new ArrayList<>()).add(n);
                }
            }
        }
        // tf2onnx keeps TensorFlow's NHWC input and transposes it to NCHW first thing.
        List<OnnxNode> readers = consumersOf(input);
        channelsLast = declared(in).length == 4 && !readers.isEmpty() && readers.stream().allMatch(n ->
                n.op().equals("Transpose") && java.util.Arrays.equals(ShapeRules.permutation(n, 4), new int[] {0, 3, 1, 2}));
        int elemType = in.getType().getTensorType().getElemType();
        tokenIds = elemType == TensorProto.DataType.INT64_VALUE || elemType == TensorProto.DataType.INT32_VALUE;
        inputDims = shape.resolve(input, declared(in), params(in), channelsLast);
        tensors.put(input, Tensor.of(inputDims));
        dynamic.add(input);
        g.getOutputList().forEach(o -> outputs.add(o.getName()));
        for (OnnxNode n : nodes) {
            infer(n);
        }
    }

    /** One error listing every operator type the importer does not know, with counts and node names. */
    private static void checkSupported(GraphProto g) {
        Map<String, List<String>> unsupported = new TreeMap<>();
        for (int i = 0; i < g.getNodeCount(); i++) {
            NodeProto n = g.getNode(i);
            boolean foreign = !n.getDomain().isEmpty() && !n.getDomain().equals("ai.onnx");
            if (foreign || !ShapeRules.supports(n.getOpType())) {
                String type = foreign ? n.getDomain() + "." + n.getOpType() : n.getOpType();
                unsupported.computeIfAbsent(type, k -> new ArrayList<>())
                        .add(n.getName().isEmpty() ? n.getOpType() + "_" + i : n.getName());
            }
        }
        if (unsupported.isEmpty()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        unsupported.forEach((op, names) -> parts.add(op + " ×" + names.size() + " (" + abbreviate(names) + ")"));
        throw new ImportException("model: unsupported ONNX operators: " + String.join("; ", parts));
    }

    private static String abbreviate(List<String> names) {
        int shown = Math.min(names.size(), 5);
        String s = String.join(", ", names.subList(0, shown));
        return names.size() > shown ? s + ", … " + (names.size() - shown) + " more" : s;
    }

    private static long[] declared(ValueInfoProto v) {
        if (!v.getType().hasTensorType() || !v.getType().getTensorType().hasShape()) {
            throw new ImportException("model: input '" + v.getName() + "' has no tensor shape");
        }
        TensorShapeProto s = v.getType().getTensorType().getShape();
        long[] d = new long[s.getDimCount()];
        for (int i = 0; i < d.length; i++) {
            d[i] = s.getDim(i).hasDimValue() && s.getDim(i).getDimValue() > 0 ? s.getDim(i).getDimValue() : -1;
        }
        return d;
    }

    private static String[] params(ValueInfoProto v) {
        TensorShapeProto s = v.getType().getTensorType().getShape();
        String[] p = new String[s.getDimCount()];
        for (int i = 0; i < p.length; i++) {
            p[i] = s.getDim(i).getDimParam();
        }
        return p;
    }

    private void infer(OnnxNode n) {
        List<Tensor> in = new ArrayList<>();
        boolean anyDynamic = false;
        for (String name : n.inputs()) {
            if (name.isEmpty()) {
                in.add(null);
                continue;
            }
            Tensor t = tensors.get(name);
            if (t == null) {
                throw new ImportException(n.label() + " (" + n.op() + "): input '" + name
                        + "' is not produced before this node (the graph is not in topological order)");
            }
            in.add(t);
            anyDynamic |= dynamic.contains(name);
        }
        ShapeRules.Inputs ctx = new NodeInputs(n, opset, i -> i < in.size() ? in.get(i) : null);
        if (!n.op().equals("Constant") && (in.isEmpty() || in.get(0) == null)) {
            throw ctx.fail("has no first input");
        }
        List<Tensor> out;
        try {
            out = ShapeRules.apply(ctx);
        } catch (ArithmeticException | IndexOutOfBoundsException | NullPointerException | ClassCastException e) {
            throw ctx.fail("inputs " + in.stream().map(t -> t == null ? "-" : t.describe()).toList()
                    + " do not fit the operator");
        }
        for (int i = 0; i < n.proto().getOutputCount(); i++) {
            String name = n.output(i);
            if (name.isEmpty()) {
                continue;
            }
            // Extra outputs (a Dropout mask, a norm's saved statistics) are never read by inference graphs.
            Tensor t = i < out.size() ? out.get(i) : Tensor.of(0);
            for (long d : t.dims()) {
                if (d < 0 || d > Integer.MAX_VALUE) {
                    throw ctx.fail("output '" + name + "' would be " + t.describe());
                }
            }
            tensors.put(name, t);
            if (anyDynamic && !t.isConstant()) {
                dynamic.add(name);
            }
        }
    }

    /** The node's inputs as its shape rule sees them. */
    ShapeRules.Inputs inputsOf(OnnxNode n) {
        return new NodeInputs(n, opset,
                i -> i < n.inputs().size() && !n.input(i).isEmpty() ? tensors.get(n.input(i)) : null);
    }

    Tensor tensor(String name) {
        return tensors.get(name);
    }

    boolean isDynamic(String name) {
        return dynamic.contains(name);
    }

    List<OnnxNode> consumersOf(String tensor) {
        return consumers.getOrDefault(tensor, List.of());
    }

    /** The only consumer of {@code tensor}, or null when it has none, several, or is a graph output. */
    OnnxNode soleConsumer(String tensor) {
        List<OnnxNode> c = consumersOf(tensor);
        return c.size() == 1 && !outputs.contains(tensor) ? c.get(0) : null;
    }

    /** A node's inputs as a shape rule sees them, each looked up by position (null when absent). */
    private record NodeInputs(OnnxNode node, int opset, java.util.function.IntFunction<Tensor> lookup)
            implements ShapeRules.Inputs {
        @Override
        public Tensor in(int i) {
            return lookup.apply(i);
        }
    }
}
