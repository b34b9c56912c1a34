package dev.dynlat.operators.profile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
        Path asPath = Path.of(nameOrPath);
        boolean looksLikeFile = nameOrPath.endsWith(".yaml") || nameOrPath.endsWith(".yml")
                || nameOrPath.contains("/");
        boolean builtIn = !looksLikeFile && builtInNames().contains(nameOrPath);
        if (looksLikeFile || (!builtIn && Files.exists(asPath))) {
            return ProfileLoader.load(option, asPath);
        }
        String yaml = resource(nameOrPath + ".yaml");
        if (yaml == null || !builtInNames().contains(nameOrPath)) {
            throw new IllegalArgumentException("device: unknown device '" + nameOrPath + "'; known devices: "
                    + String.join(", ", builtInNames()) + " (or a path to a profile .yaml)");
        }
        return ProfileLoader.parse(yaml, "profile " + nameOrPath + ".yaml");
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
