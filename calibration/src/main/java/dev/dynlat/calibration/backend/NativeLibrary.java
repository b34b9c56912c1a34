package dev.dynlat.calibration.backend;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads a native library shipped in the jar under {@code /native/linux-x86_64/lib<name>.so}: it is copied to
 * a temporary file and {@link System#load loaded} once per JVM. The outcome (success or the reason of
 * failure) is remembered, so a missing library is reported the same way on every call.
 */
public final class NativeLibrary {
    /** Resource folder for the only platform the native build targets. */
    static final String PLATFORM_DIR = "native/linux-x86_64";

    private static final Map<String, NativeLibrary> LOADED = new ConcurrentHashMap<>();

    private final String name;
    private final String failure;
    private final boolean missing;

    private NativeLibrary(String name, String failure, boolean missing) {
        this.name = name;
        this.failure = failure;
        this.missing = missing;
    }

    /** Loads {@code lib<name>.so} once; never throws. */
    public static NativeLibrary load(String name) {
        return LOADED.computeIfAbsent(name, NativeLibrary::tryLoad);
    }

    /** True when the library was loaded. */
    public boolean loaded() {
        return failure == null;
    }

    /** True when the jar simply does not contain the library (e.g. built without nvcc). */
    public boolean missingFromClasspath() {
        return missing;
    }

    /** Reason of the load failure, or null. */
    public String failure() {
        return failure;
    }

    public String name() {
        return name;
    }

    private static NativeLibrary tryLoad(String name) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return new NativeLibrary(name, "unsupported platform " + os + "/" + arch + " (only linux-x86_64 is built)",
                    false);
        }
        String resource = "/" + PLATFORM_DIR + "/lib" + name + ".so";
        try (InputStream in = NativeLibrary.class.getResourceAsStream(resource)) {
            if (in == null) {
                return new NativeLibrary(name, "resource " + resource + " not found on the classpath", true);
            }
            Path tmp = Files.createTempFile("lib" + name + "-", ".so");
            tmp.toFile().deleteOnExit();
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            System.load(tmp.toAbsolutePath().toString());
            return new NativeLibrary(name, null, false);
        } catch (IOException | UnsatisfiedLinkError | SecurityException e) {
            return new NativeLibrary(name, e.getClass().getSimpleName() + ": " + e.getMessage(), false);
        }
    }
}
