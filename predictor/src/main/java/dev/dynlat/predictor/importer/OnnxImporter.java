package dev.dynlat.predictor.importer;

import dev.dynlat.predictor.workload.InputShape;
import dev.dynlat.predictor.workload.NetworkDescription;
import dev.dynlat.predictor.workload.Shape.FeatureMap;
import dev.dynlat.predictor.workload.Shape.Sequence;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Imports an ONNX model as a dynlat network description: reads the file ({@link OnnxReader}),
 * infers every shape at the given input ({@link OnnxGraph}), maps the nodes to dynlat operators
 * ({@link OnnxLowering}), recognises transformer encoder layers ({@link EncoderFinder}) and residual
 * blocks ({@link BlockFinder}) and names the stages ({@link StageAssembler}).
 */
public final class OnnxImporter {
    private OnnxImporter() {
    }

    /**
     * An imported network.
     *
     * @param description the network, as a network file would describe it
     * @param notes what the import could not map to dynlat's dynamic blocks (for the user), possibly empty
     */
    public record Result(NetworkDescription description, List<String> notes) {
    }

    /** Imports {@code file} at {@code input}. */
    public static Result importFile(Path file, InputDims input) {
        OnnxReader.OnnxModel model = OnnxReader.read(file);
        String base = file.getFileName().toString().replaceFirst("(?i)\\.onnx$", "");
        return importModel(model, input, base);
    }

    /** Imports a parsed model; {@code name} becomes the network's name. */
    public static Result importModel(OnnxReader.OnnxModel model, InputDims input, String name) {
        OnnxGraph graph = new OnnxGraph(model, input);
        OnnxLowering lowering = new OnnxLowering(graph);
        List<Draft> drafts = lowering.lower();
        InputShape networkInput;
        if (lowering.inputShape instanceof FeatureMap m) {
            networkInput = new InputShape.Image(m.channels(), m.height(), m.width());
        } else if (graph.tokenIds && lowering.inputShape instanceof Sequence seq) {
            networkInput = new InputShape.Tokens(seq.tokens(), seq.dim());
        } else {
            throw new ImportException("input: '" + graph.input + "' " + Arrays.toString(graph.inputDims)
                    + " is neither an NCHW image nor token ids; vector and embedded-sequence inputs are not supported");
        }
        BlockFinder blocks = new BlockFinder(new EncoderFinder(drafts).find());
        List<Draft> withBlocks = blocks.find();
        var stages = StageAssembler.assemble(withBlocks);
        String producer = model.proto().getProducerName().isEmpty() ? "unknown exporter"
                : (model.proto().getProducerName() + " " + model.proto().getProducerVersion()).strip();
        String source = "imported from " + name + ".onnx (opset " + model.opset() + ", " + producer + ")";
        NetworkDescription d = new NetworkDescription(safeName(name), networkInput, 0, source, stages, List.of());
        List<String> notes = blocks.unmatched.stream()
                .map(s -> "residual add " + s + " matches no block kind; kept as plain operators, so dynamic"
                        + " modes skip it").toList();
        return new Result(d, notes);
    }

    private static String safeName(String name) {
        String s = name.replaceAll("[^A-Za-z0-9_.\\-]", "_");
        return s.isEmpty() ? "imported" : s;
    }
}
