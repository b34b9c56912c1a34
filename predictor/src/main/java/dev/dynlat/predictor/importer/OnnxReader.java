package dev.dynlat.predictor.importer;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads an ONNX model file with the guards a file from anywhere needs: a size limit, a protobuf
 * nesting limit (a crafted file of deeply nested messages would otherwise exhaust the stack) and
 * a one-line error naming the file when it is not an ONNX model.
 */
public final class OnnxReader {
    /** Largest model file read, in bytes (protobuf itself cannot address more than 2 GiB). */
    public static final long MAX_FILE_BYTES = Integer.MAX_VALUE;
    /** Nesting depth of protobuf messages; ONNX graphs nest a few levels (If/Loop bodies a few more). */
    static final int RECURSION_LIMIT = 64;

    private OnnxReader() {
    }

    /** The model in {@code file} and the opset of its default domain. */
    public static OnnxModel read(Path file) {
        long size;
        try {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("model: " + file + " is not a readable file");
            }
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("model: cannot read " + file + ": " + e.getMessage(), e);
        }
        if (size > MAX_FILE_BYTES) {
            throw new IllegalArgumentException("model: " + file + " is " + size + " bytes, over the limit of "
                    + MAX_FILE_BYTES + " bytes for an ONNX file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("model: cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses a model from a stream; {@code source} names it in messages. */
    public static OnnxModel parse(InputStream in, String source) throws IOException {
        CodedInputStream coded = CodedInputStream.newInstance(in);
        coded.setRecursionLimit(RECURSION_LIMIT);
        coded.setSizeLimit(Integer.MAX_VALUE);
        ModelProto model;
        try {
            model = ModelProto.parseFrom(coded);
        } catch (InvalidProtocolBufferException e) {
            throw notOnnx(source, e.getMessage());
        }
        if (model.getIrVersion() <= 0 || !model.hasGraph() || model.getGraph().getNodeCount() == 0) {
            throw notOnnx(source, model.getIrVersion() <= 0 ? "no IR version" : "no graph nodes");
        }
        int opset = 0;
        for (OperatorSetIdProto o : model.getOpsetImportList()) {
            if (o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx")) {
                opset = (int) o.getVersion();
            }
        }
        if (opset == 0) {
            // IR version 2 files have no opset import: ONNX says opset 1 then.
            opset = 1;
        }
        return new OnnxModel(model, opset);
    }

    private static IllegalArgumentException notOnnx(String source, String why) {
        String reason = why == null ? "" : why.lines().findFirst().orElse("");
        return new IllegalArgumentException("model: " + source + " is not an ONNX model (" + reason + ")");
    }

    /** A parsed model and the opset version of the default ONNX domain. */
    public record OnnxModel(ModelProto proto, int opset) {
    }
}
