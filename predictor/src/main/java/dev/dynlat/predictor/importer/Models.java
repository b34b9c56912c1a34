package dev.dynlat.predictor.importer;

import dev.dynlat.predictor.workload.InputShape;
import dev.dynlat.predictor.workload.Network;
import dev.dynlat.predictor.workload.NetworkDescription;
import dev.dynlat.predictor.workload.NetworkLoader;
import dev.dynlat.predictor.workload.NetworkResolver;
import dev.dynlat.predictor.workload.NetworkWriter;
import dev.dynlat.predictor.workload.NetworkZoo;
import java.nio.file.Path;

/**
 * What a {@code --model} value names: a zoo model, a network YAML file, or an ONNX file (imported
 * on the fly, exactly as {@code dynlat models import} writes it). Every command that takes a model
 * resolves it here, so the three load the same way everywhere.
 */
public final class Models {
    private Models() {
    }

    /** Whether {@code model} names an ONNX file. */
    public static boolean isOnnx(String model) {
        return model.toLowerCase(java.util.Locale.ROOT).endsWith(".onnx");
    }

    /**
     * The network {@code model} names at an {@code --input} value as typed (null: its own input).
     * A zoo model or network file takes {@code N} or {@code HxW} ({@link InputShape.Size}); an ONNX
     * file also takes its full input shape, batch first ({@code 1x3x800x1333}, {@link InputDims}).
     *
     * @throws IllegalArgumentException naming {@code --input} or the model when either is bad
     */
    public static Network resolve(String model, String input) {
        if (isOnnx(model)) {
            return importOnnx(model, InputDims.parse(input));
        }
        return NetworkZoo.resolve(model, InputShape.Size.parse(input));
    }

    /** The network {@code model} names, resized to {@code size} (null: its own input). */
    public static Network resolve(String model, InputShape.Size size) {
        if (isOnnx(model)) {
            return importOnnx(model, dims(size));
        }
        return NetworkZoo.resolve(model, size);
    }

    /**
     * The import dimensions an {@code --input} size stands for: {@code N} fills a square image side
     * (or a sequence length), {@code HxW} an image's height and width.
     */
    static InputDims dims(InputShape.Size size) {
        if (size == null) {
            return InputDims.NONE;
        }
        return size.square() ? new InputDims(new long[] {size.height()})
                : new InputDims(new long[] {size.height(), size.width()});
    }

    private static Network importOnnx(String model, InputDims input) {
        return load(OnnxImporter.importFile(Path.of(model), input), model);
    }

    /**
     * An import loaded exactly as its network file would be: written, parsed and validated by the
     * network loader (sizes in range, kinds known), then resolved.
     */
    public static Network load(OnnxImporter.Result r, String source) {
        InputShape input = r.description().input();
        NetworkDescription d = NetworkLoader.parse(NetworkWriter.write(r.description(), input), source);
        return NetworkResolver.resolve(d, input, source);
    }
}
