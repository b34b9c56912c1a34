package dev.dynlat.calibration.gpu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Properties;
import java.util.TreeMap;

/**
 * FP32 lanes per SM by compute capability, read from the resource {@code fp32-lanes-per-sm.properties}
 * (data, with its source, not code).
 */
public final class Fp32LanesTable {
    static final String RESOURCE = "fp32-lanes-per-sm.properties";

    private static final Map<String, Double> LANES = load();

    private Fp32LanesTable() {
    }

    /** Lanes per SM for compute capability {@code major.minor}; empty when the table does not know it. */
    public static OptionalDouble lanesPerSm(int major, int minor) {
        Double v = LANES.get(major + "." + minor);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    private static Map<String, Double> load() {
        Properties p = new Properties();
        try (InputStream in = Fp32LanesTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " missing from the calibration jar");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + RESOURCE, e);
        }
        Map<String, Double> m = new TreeMap<>();
        p.forEach((k, v) -> m.put(k.toString().trim(), Double.parseDouble(v.toString().trim())));
        return Map.copyOf(m);
    }
}
