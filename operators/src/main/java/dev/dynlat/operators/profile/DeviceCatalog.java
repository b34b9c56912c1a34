package dev.dynlat.operators.profile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds device profiles: the built-in ones shipped as classpath resources under
 * {@code dynlat/profiles/} (listed in {@code index.txt}), or a user's YAML file.
 */
public final class DeviceCatalog {
    static final String ROOT = "dynlat/profiles/";

    private DeviceCatalog() {
    }

    /** Names of the built-in profiles, in index order. */
    public static List<String> builtInNames() {
        String index = resource("index.txt");
        if (index == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String line : index.split("\n")) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                names.add(t);
            }
        }
        return names;
    }

    /**
     * Loads a profile by built-in name or by path to a YAML file. An argument that names an
     * existing file, or ends in {@code .yaml}/{@code .yml}, is a path.
     */
    public static DeviceProfile load(String nameOrPath) {
        return load("--device", nameOrPath);
    }

    /**
     * As {@link #load(String)}, naming {@code option} in the messages about an unusable file
     * (missing with the system's reason, a directory, unreadable, not UTF-8).
     */
    public static DeviceProfile load(String option, String nameOrPath) {
        Optional<Path> file = file(nameOrPath);
        if (file.isPresent()) {
            return ProfileLoader.load(option, file.get());
        }
        String yaml = resource(nameOrPath + ".yaml");
        if (yaml == null || !builtInNames().contains(nameOrPath)) {
            throw new IllegalArgumentException("device: unknown device '" + nameOrPath + "'; known devices: "
                    + String.join(", ", builtInNames()) + " (or a path to a profile .yaml)");
        }
        return ProfileLoader.parse(yaml, "profile " + nameOrPath + ".yaml");
    }

    /**
     * Whether a {@code --device} value names a built-in profile rather than a file: not a path by its
     * form and one of {@link #builtInNames()}.
     */
    public static boolean isBuiltIn(String nameOrPath) {
        return !looksLikeFile(nameOrPath) && builtInNames().contains(nameOrPath);
    }

    /**
     * The profile file a {@code --device} value names, as {@link #load(String, String)} decides: a
     * value shaped like a path, or an existing file that is not a built-in name; empty for a
     * built-in (or unknown) name.
     */
    public static Optional<Path> file(String nameOrPath) {
        Path asPath = Path.of(nameOrPath);
        if (looksLikeFile(nameOrPath) || (!isBuiltIn(nameOrPath) && Files.exists(asPath))) {
            return Optional.of(asPath);
        }
        return Optional.empty();
    }

    private static boolean looksLikeFile(String nameOrPath) {
        return nameOrPath.endsWith(".yaml") || nameOrPath.endsWith(".yml") || nameOrPath.contains("/");
    }

    /**
     * The built-in profile of the GPU the CUDA runtime calls {@code cudaName} (exact match, as measurement
     * files record it: {@code Tesla T4}, {@code NVIDIA A100-PCIE-40GB}), if there is one.
     */
    public static Optional<DeviceProfile> byCudaName(String cudaName) {
        for (DeviceProfile p : builtIns()) {
            if (p.cudaName().filter(n -> n.equals(cudaName)).isPresent()) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * As {@link #byCudaName}, for a device named in {@code where} (a file and line, a column).
     *
     * @throws IllegalArgumentException naming the device and the CUDA names of the built-in profiles
     */
    public static DeviceProfile forCudaName(String where, String cudaName) {
        return byCudaName(cudaName).orElseThrow(() -> new IllegalArgumentException(where + ": no built-in profile"
                + " for device '" + cudaName + "'; known CUDA devices: " + String.join(", ", cudaNames())
                + " (or give --device NAME|FILE)"));
    }

    /** The CUDA names of the built-in profiles that have one, in index order. */
    public static List<String> cudaNames() {
        List<String> out = new ArrayList<>();
        for (DeviceProfile p : builtIns()) {
            p.cudaName().ifPresent(out::add);
        }
        return out;
    }

    /** All built-in profiles. */
    public static List<DeviceProfile> builtIns() {
        List<DeviceProfile> out = new ArrayList<>();
        for (String n : builtInNames()) {
            out.add(load(n));
        }
        return out;
    }

    private static String resource(String name) {
        try (InputStream in = DeviceCatalog.class.getClassLoader().getResourceAsStream(ROOT + name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read built-in profile " + name, e);
        }
    }
}
