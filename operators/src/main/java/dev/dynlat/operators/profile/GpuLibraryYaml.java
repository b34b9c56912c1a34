package dev.dynlat.operators.profile;

import dev.dynlat.operators.yaml.YamlFields;
import dev.dynlat.operators.yaml.YamlNode;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes the {@code gpu_library} section of a calibrated profile (the terms of the GPU
 * library model). Every problem is reported with its line through the profile's problem list;
 * the record's own checks (fractions in (0, 1], a tile efficiency for every tile of the family)
 * become problems at the section.
 */
final class GpuLibraryYaml {
    /** Terms a profile may leave out, and the term whose value they then take. */
    private static final Map<GpuLibraryScalar, GpuLibraryScalar> OPTIONAL = Map.of(
            GpuLibraryScalar.CONV_THROTTLE_BETA, GpuLibraryScalar.THROTTLE_BETA,
            GpuLibraryScalar.CONV_THROTTLE_TAU_MS, GpuLibraryScalar.THROTTLE_TAU_MS);

    private GpuLibraryYaml() {
    }

    static Optional<GpuLibraryCoefficients> read(YamlFields f) {
        var family = f.string("kernel_family", true);
        Map<GpuLibraryScalar, Double> scalars = new EnumMap<>(GpuLibraryScalar.class);
        boolean complete = true;
        for (GpuLibraryScalar t : GpuLibraryScalar.values()) {
            Optional<Double> v = f.number(t.key(), !OPTIONAL.containsKey(t), t.min(), t.max());
            v.ifPresent(x -> scalars.put(t, x));
            complete &= v.isPresent() || OPTIONAL.containsKey(t);
        }
        Map<String, Double> gemm = numbers(f, "gemm_efficiency", true, 1e-6, 1);
        Map<String, Double> conv = numbers(f, "conv_efficiency", true, 1e-6, 1);
        Map<String, Double> stream = numbers(f, "stream_efficiency", false, 1e-6, 1);
        Map<String, Double> rowGaps = numbers(f, "row_kernel_gap_us", false, 0, 1000);
        Map<String, Double> floors = numbers(f, "host_floor_us", true, 0, 1e5);
        var source = f.string("source", false);
        f.finish();
        if (family.isEmpty() || !complete) {
            return Optional.empty();
        }
        // Profiles written before convolutions had a throttle of their own throttle them as the GEMMs.
        OPTIONAL.forEach((t, from) -> scalars.putIfAbsent(t, scalars.get(from)));
        try {
            return Optional.of(GpuLibraryCoefficients.of(KernelFamily.parse(family.get()), scalars, gemm, conv, stream,
                    rowGaps, floors, source.orElse("")));
        } catch (IllegalArgumentException e) {
            f.problems().add(f.node(), e.getMessage());
            return Optional.empty();
        }
    }

    private static Map<String, Double> numbers(YamlFields f, String key, boolean required, double min, double max) {
        Map<String, Double> out = new LinkedHashMap<>();
        f.mapping(key, required).ifPresent(m -> {
            for (Map.Entry<String, YamlNode> e : m.node().entries().entrySet()) {
                m.has(e.getKey());
                YamlFields.toNumber(e.getValue(), min, max, m.problems()).ifPresent(v -> out.put(e.getKey(), v));
            }
            m.finish();
        });
        return out;
    }

    static void write(StringBuilder sb, GpuLibraryCoefficients g) {
        sb.append("  gpu_library:\n");
        sb.append("    kernel_family: ").append(g.family().id()).append('\n');
        for (GpuLibraryScalar t : GpuLibraryScalar.values()) {
            line(sb, t.key(), t.of(g));
        }
        map(sb, "gemm_efficiency", g.gemmEfficiency());
        map(sb, "conv_efficiency", g.convEfficiency());
        if (!g.streamEfficiency().isEmpty()) {
            map(sb, "stream_efficiency", g.streamEfficiency());
        }
        if (!g.rowKernelGapUs().isEmpty()) {
            map(sb, "row_kernel_gap_us", g.rowKernelGapUs());
        }
        map(sb, "host_floor_us", g.hostFloorUs());
        if (!g.source().isEmpty()) {
            sb.append("    source: ").append(ProfileWriter.quote(g.source())).append('\n');
        }
    }

    private static void line(StringBuilder sb, String key, double v) {
        sb.append("    ").append(key).append(": ").append(rounded(v)).append('\n');
    }

    private static void map(StringBuilder sb, String key, Map<String, Double> m) {
        sb.append("    ").append(key).append(":\n");
        m.forEach((k, v) -> sb.append("      \"").append(k).append("\": ").append(rounded(v)).append('\n'));
    }

    /** Six significant digits: fitted terms carry no more, and profiles stay readable. */
    private static String rounded(double v) {
        return ProfileWriter.num(Double.parseDouble(String.format(Locale.ROOT, "%.6g", v)));
    }
}
