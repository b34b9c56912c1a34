package dev.dynlat.predictor.workload;

import dev.dynlat.operators.yaml.YamlException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The built-in networks: YAML network files under {@code dev/dynlat/predictor/zoo/} (listed in
 * {@code models.txt}), in the same format users write. Each file states the definition it
 * follows (torchvision, timm, pycls, the LAUDNet simulation).
 */
public final class NetworkZoo {
    private static final String DIR = "/dev/dynlat/predictor/zoo/";

    /** Model names in a stable order. */
    public static final List<String> NAMES = readNames();

    private static final Map<String, NetworkDescription> DESCRIPTIONS = new ConcurrentHashMap<>();

    private NetworkZoo() {
    }

    private static List<String> readNames() {
        return text("models.txt").lines().map(String::strip).filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
    }

    private static String text(String file) {
        try (InputStream in = NetworkZoo.class.getResourceAsStream(DIR + file)) {
            if (in == null) {
                throw new IllegalStateException("missing zoo resource " + DIR + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The description of a zoo model. */
    public static NetworkDescription description(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("model: unknown model '" + name + "'; known models: "
                    + String.join(", ", NAMES) + " (or a network YAML file)");
        }
        NetworkDescription known = DESCRIPTIONS.get(name);
        if (known != null) {
            return known;
        }
        // Not computeIfAbsent: parsing a model that includes another (its node count is checked at
        // parse time) looks that one up here, and a map may not be updated from inside an update.
        NetworkDescription parsed = NetworkLoader.parse(text(name + ".yaml"), "zoo/" + name + ".yaml");
        NetworkDescription raced = DESCRIPTIONS.putIfAbsent(name, parsed);
        return raced == null ? parsed : raced;
    }

    /** A zoo model at its own input size. */
    public static Network get(String name) {
        return get(name, 0);
    }

    /** A zoo model at a square {@code inputSize} (≤ 0: its own). */
    public static Network get(String name, int inputSize) {
        return get(name, InputShape.Size.ofSide(inputSize));
    }

    /** A zoo model resized to {@code size} (null: its own input). */
    public static Network get(String name, InputShape.Size size) {
        NetworkDescription d = description(name);
        if (size == null) {
            return NetworkResolver.resolve(d, d.input(), "zoo/" + name + ".yaml");
        }
        try {
            return NetworkResolver.resolve(d, d.input().resized(size), "zoo/" + name + ".yaml");
        } catch (YamlException e) {
            // The zoo's own files are not the user's to fix: one line about the --input they gave.
            String first = e.problems().get(0).replaceFirst("^\\S+:\\d+ ", "");
            int more = e.problems().size() - 1;
            throw new IllegalArgumentException("--input: " + size.text() + " does not fit " + name + " (" + first
                    + (more > 0 ? "; " + more + " more problem" + (more > 1 ? "s" : "") : "") + ")");
        }
    }

    /** Whether a {@code --model} value names a file rather than a zoo model. */
    public static boolean isFile(String model) {
        return model.endsWith(".yaml") || model.endsWith(".yml") || model.contains("/");
    }

    /** A zoo name or a network file, resolved at a square {@code inputSize} (≤ 0: the model's own). */
    public static Network resolve(String model, int inputSize) {
        return resolve(model, InputShape.Size.ofSide(inputSize));
    }

    /** A zoo name or a network file, resized to an {@code --input} value (null: the model's own input). */
    public static Network resolve(String model, InputShape.Size size) {
        if (!isFile(model)) {
            return get(model, size);
        }
        Path file = Path.of(model);
        if (!Files.exists(file) && !Files.isSymbolicLink(file)) {
            throw new IllegalArgumentException("model: " + model + " does not exist (and is not a zoo model: "
                    + String.join(", ", NAMES) + ")");
        }
        return NetworkLoader.load("--model", file, size);
    }

    /** The description behind a {@code --model} value. */
    public static NetworkDescription describe(String model) {
        return isFile(model) ? resolve(model, 0).description() : description(model);
    }
}
