package dev.dynlat.calibration.backend;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** Factory of the known backends. */
public final class Backends {
    private static final List<String> NAMES = List.of("cpu", "cuda");

    private Backends() {
    }

    /** Valid names for {@link #byName(String)}. */
    public static List<String> names() {
        return NAMES;
    }

    /**
     * Returns the backend called {@code name} (case-insensitive); it may be unavailable, see
     * {@link Backend#available()}.
     *
     * @throws IllegalArgumentException for an unknown name, listing the valid ones
     */
    public static Backend byName(String name) {
        Supplier<Backend> factory = switch (name == null ? "" : name.trim().toLowerCase(Locale.ROOT)) {
            case "cpu" -> CpuBackend::new;
            case "cuda" -> CudaBackend::new;
            default -> null;
        };
        if (factory == null) {
            throw new IllegalArgumentException("unknown backend '" + name + "'; valid backends: " + NAMES);
        }
        return factory.get();
    }
}
