package dev.dynlat.predictor.importer;

import dev.dynlat.predictor.workload.Network;
import dev.dynlat.predictor.workload.NetworkResolver;
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
        InputShape input = inputSize > 0 ? new InputShape(new long[] {inputSize}) : InputShape.NONE;
        OnnxImporter.Result r = OnnxImporter.importFile(Path.of(model), input);
        return NetworkResolver.resolve(r.description(), r.description().inputSize(), model);
    }
}
