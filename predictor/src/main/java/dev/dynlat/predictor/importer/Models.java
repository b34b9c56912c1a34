package dev.dynlat.predictor.importer;

import dev.dynlat.predictor.workload.Network;
import dev.dynlat.predictor.workload.NetworkDescription;
import dev.dynlat.predictor.workload.NetworkLoader;
import dev.dynlat.predictor.workload.NetworkResolver;
import dev.dynlat.predictor.workload.NetworkWriter;
import dev.dynlat.predictor.workload.NetworkZoo;
import java.nio.file.Path;

/**
 * What a {@code --model} value names: a zoo model, a network YAML file, or an ONNX file (imported
 * on the fly, exactly as {@code dynlat models import} writes it).
 */
public final class Models {
    private Models() {
    }

    /** Whether {@code model} names an ONNX file. */
    public static boolean isOnnx(String model) {
        return model.toLowerCase(java.util.Locale.ROOT).endsWith(".onnx");
    }

    /** The network {@code model} names, at an input side of {@code inputSize} pixels (≤ 0: its own). */
    public static Network resolve(String model, int inputSize) {
        if (!isOnnx(model)) {
            return NetworkZoo.resolve(model, inputSize);
        }
        InputDims input = inputSize > 0 ? new InputDims(new long[] {inputSize}) : InputDims.NONE;
        OnnxImporter.Result r = OnnxImporter.importFile(Path.of(model), input);
        return load(r, model);
    }

    /**
     * An import loaded exactly as its network file would be: written, parsed and validated by the
     * network loader (sizes in range, kinds known), then resolved.
     */
    public static Network load(OnnxImporter.Result r, String source) {
        int size = r.description().inputSize();
        NetworkDescription d = NetworkLoader.parse(NetworkWriter.write(r.description(), size), source);
        return NetworkResolver.resolve(d, size, source);
    }
}
