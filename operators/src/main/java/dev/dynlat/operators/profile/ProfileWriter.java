package dev.dynlat.operators.profile;

import java.util.Locale;
import java.util.Map;

/** Writes a {@link DeviceProfile} as YAML that {@link ProfileLoader} reads back unchanged. */
public final class ProfileWriter {
    private ProfileWriter() {
    }

    public static String toYaml(DeviceProfile p) {
        StringBuilder sb = new StringBuilder();
        sb.append("name: ").append(p.name()).append('\n');
        sb.append("display_name: ").append(quote(p.displayName())).append('\n');
        sb.append("kind: ").append(p.kind().name().toLowerCase(Locale.ROOT)).append('\n');
        sb.append("provenance: ").append(quote(p.provenance())).append('\n');
        Datasheet d = p.datasheet();
        sb.append("datasheet:\n");
        kv(sb, "processing_engines", d.processingEngines());
        kv(sb, "fp32_lanes_per_engine", d.fp32LanesPerEngine());
        kv(sb, "boost_clock_mhz", d.boostClockMHz());
        kv(sb, "dram_bandwidth_gbps", d.dramBandwidthGBps());
        kv(sb, "memory_gib", d.memoryGiB());
        kv(sb, "l2_cache_mib", d.l2CacheMiB());
        sb.append("  source: ").append(quote(d.source())).append('\n');
        AnalyticConstants c = p.laudnet();
        sb.append("laudnet:\n");
        kv(sb, "processing_engines", c.processingEngines());
        kv(sb, "fp32_lanes_per_engine", c.fp32LanesPerEngine());
        kv(sb, "clock_mhz", c.clockMHz());
        kv(sb, "dram_bandwidth_gbps", c.dramBandwidthGBps());
        kv(sb, "l2_bandwidth_ratio", c.l2BandwidthRatio());
        kv(sb, "issue_depth", c.issueDepth());
        kv(sb, "transaction_elements", c.transactionElements());
        kv(sb, "launch_overhead_us", c.launchOverheadUs());
        kv(sb, "default_batch", c.defaultBatch());
        sb.append("  latency_mode: ").append(c.latencyMode().name().toLowerCase(Locale.ROOT)).append('\n');
        p.calibrated().ifPresent(k -> {
            sb.append("calibrated:\n");
            kv(sb, "lane_efficiency", k.laneEfficiency());
            kv(sb, "dram_efficiency", k.dramEfficiency());
            kv(sb, "l2_efficiency", k.l2Efficiency());
            kv(sb, "launch_overhead_us", k.launchOverheadUs());
            if (!k.classEfficiency().isEmpty()) {
                sb.append("  class_efficiency:\n");
                for (Map.Entry<String, Double> e : k.classEfficiency().entrySet()) {
                    sb.append("    ").append(e.getKey()).append(": ").append(num(e.getValue())).append('\n');
                }
            }
            if (!k.classOverheadUs().isEmpty()) {
                sb.append("  class_overhead_us:\n");
                for (Map.Entry<String, Double> e : k.classOverheadUs().entrySet()) {
                    sb.append("    ").append(e.getKey()).append(": ").append(num(e.getValue())).append('\n');
                }
            }
            k.gpuLibrary().ifPresent(g -> GpuLibraryYaml.write(sb, g));
            var r = k.calibration();
            sb.append("  calibration:\n");
            sb.append("    date: ").append(quote(r.date())).append('\n');
            sb.append("    machine: ").append(quote(r.machine())).append('\n');
            if (!r.simd().isEmpty()) {
                sb.append("    simd: ").append(quote(r.simd())).append('\n');
            }
            sb.append("    backend: ").append(r.backend()).append('\n');
            sb.append("    samples: ").append(r.samples()).append('\n');
            sb.append("    held_out_median_ape_pct: ").append(num(r.heldOutMedianApePct())).append('\n');
            if (r.configurations() > 0) {
                sb.append("    configurations: ").append(r.configurations()).append('\n');
            }
            if (!r.atBound().isEmpty()) {
                sb.append("    at_bound: ").append(quote(String.join(", ", r.atBound()))).append('\n');
            }
            if (!r.forced().isEmpty()) {
                sb.append("    forced: ").append(quote(r.forced())).append('\n');
            }
            if (r.hasInterval()) {
                sb.append("    interval_p10: ").append(num(r.intervalLow())).append('\n');
                sb.append("    interval_p90: ").append(num(r.intervalHigh())).append('\n');
            }
            if (r.hasSpeedReference()) {
                sb.append("    speed_reference_us: ").append(num(r.speedReferenceUs())).append('\n');
            }
        });
        return sb.toString();
    }

    private static void kv(StringBuilder sb, String key, double v) {
        sb.append("  ").append(key).append(": ").append(num(v)).append('\n');
    }

    private static void kv(StringBuilder sb, String key, int v) {
        sb.append("  ").append(key).append(": ").append(v).append('\n');
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        // Double.toString round-trips exactly; BigDecimal only avoids the exponent notation.
        return java.math.BigDecimal.valueOf(v).toPlainString();
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
