package dev.dynlat.operators.profile;

import dev.dynlat.operators.yaml.YamlFields;
import dev.dynlat.operators.yaml.YamlNode;
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
    private GpuLibraryYaml() {
    }

    static Optional<GpuLibraryCoefficients> read(YamlFields f) {
        var family = f.string("kernel_family", true);
        var dram = f.number("dram_efficiency", true, 1e-6, 1);
        var l2 = f.number("l2_bandwidth_ratio", true, 1, 16);
        var gap = f.number("kernel_gap_us", true, 0, 1000);
        var libraryGap = f.number("library_gap_us", true, 0, 1000);
        var setup = f.number("conv_setup_us", true, 0, 1000);
        var reduction = f.number("reduction_overhead", true, 0, 4096);
        var convReduction = f.number("conv_reduction_overhead", true, 0, 4096);
        var beta = f.number("throttle_beta", true, 0, 4);
        var tau = f.number("throttle_tau_ms", true, 1e-6, 1e6);
        // Profiles written before convolutions had a throttle of their own throttle them as the GEMMs.
        var convBeta = f.number("conv_throttle_beta", false, 0, 4);
        var convTau = f.number("conv_throttle_tau_ms", false, 1e-6, 1e6);
        Map<String, Double> gemm = numbers(f, "gemm_efficiency", true, 1e-6, 1);
        Map<String, Double> conv = numbers(f, "conv_efficiency", true, 1e-6, 1);
        Map<String, Double> stream = numbers(f, "stream_efficiency", false, 1e-6, 1);
        Map<String, Double> rowGaps = numbers(f, "row_kernel_gap_us", false, 0, 1000);
        Map<String, Double> floors = numbers(f, "host_floor_us", true, 0, 1e5);
        var source = f.string("source", false);
        f.finish();
        if (family.isEmpty() || dram.isEmpty() || l2.isEmpty() || gap.isEmpty() || reduction.isEmpty()
                || beta.isEmpty() || tau.isEmpty() || libraryGap.isEmpty() || setup.isEmpty() || convReduction.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new GpuLibraryCoefficients(KernelFamily.parse(family.get()), dram.get(), l2.get(),
                    gap.get(), libraryGap.get(), setup.get(), reduction.get(), convReduction.get(), beta.get(), tau.get(),
                    convBeta.orElse(beta.get()), convTau.orElse(tau.get()), gemm, conv, stream, rowGaps, floors, source.orElse("")));
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
        line(sb, "dram_efficiency", g.dramEfficiency());
        line(sb, "l2_bandwidth_ratio", g.l2BandwidthRatio());
        line(sb, "kernel_gap_us", g.kernelGapUs());
        line(sb, "library_gap_us", g.libraryGapUs());
        line(sb, "conv_setup_us", g.convSetupUs());
        line(sb, "reduction_overhead", g.reductionOverhead());
        line(sb, "conv_reduction_overhead", g.convReductionOverhead());
        line(sb, "throttle_beta", g.throttleBeta());
        line(sb, "throttle_tau_ms", g.throttleTauMs());
        line(sb, "conv_throttle_beta", g.convThrottleBeta());
        line(sb, "conv_throttle_tau_ms", g.convThrottleTauMs());
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
