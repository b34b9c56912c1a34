package dev.dynlat.calibration.host;

import dev.dynlat.operators.profile.AnalyticConstants;
import dev.dynlat.operators.profile.Datasheet;
import dev.dynlat.operators.profile.DeviceKind;
import dev.dynlat.operators.profile.DeviceProfile;
import dev.dynlat.operators.profile.LatencyMode;
import java.util.Optional;

/**
 * Turns the peak probes into a CPU {@link DeviceProfile} for the analytic model, so that the
 * LAUDNet-style model can price this machine before any fitting: cores are the processing engines,
 * the lanes per core are what the measured FMA rate implies at the clock, the DRAM bandwidth is the
 * measured stream rate, the on-chip bandwidth ratio is cache-resident over DRAM stream rate, and the
 * launch overhead is the measured empty-call cost. CPU devices only: the cuda backend's device is
 * bootstrapped by {@link dev.dynlat.calibration.gpu.GpuProfileBootstrap} (see
 * {@code DeviceBootstraps}).
 */
public final class HostProfileBootstrap {
    /** On-chip / DRAM ratio used when no cache-resident probe ran (the GPU profiles' value). */
    public static final double DEFAULT_L2_RATIO = 4;
    /** Independent accumulators per lane that the kernels' micro-tiles keep in flight (FMA latency × ports). */
    public static final int ISSUE_DEPTH = 4;
    /** fp32 elements per 64-byte cache line. */
    public static final int TRANSACTION_ELEMENTS = 16;

    private HostProfileBootstrap() {
    }

    public static DeviceProfile profile(String name, PeakProbes p) {
        double lanes = p.fmaFlopsPerS() / 2 / p.cores() / (p.clockMHz() * 1e6);
        double dramGBps = p.dramBytesPerS() / 1e9;
        double l2Ratio = p.cacheBytesPerS() > 0 ? Math.max(1, p.cacheBytesPerS() / p.dramBytesPerS())
                : DEFAULT_L2_RATIO;
        double launchUs = p.emptyCallS() * 1e6;
        AnalyticConstants constants = new AnalyticConstants(p.cores(), lanes, p.clockMHz(), dramGBps, l2Ratio,
                ISSUE_DEPTH, TRANSACTION_ELEMENTS, launchUs, 1, LatencyMode.ADD);
        Datasheet sheet = new Datasheet(p.cores(), nominalLanes(p.isa(), lanes), p.clockMHz(), dramGBps,
                p.memoryGiB() > 0 ? p.memoryGiB() : 1, p.lastLevelCacheMiB(),
                "peak probes on this host (" + (p.isa().isEmpty() ? "cpu" : p.isa()) + ")"
                        + cacheNote(p));
        String display = p.cpuModel() + " (" + p.cores() + " cores)";
        return new DeviceProfile(name, display, DeviceKind.CPU, sheet, constants, Optional.empty(),
                "bootstrapped from the dynlat peak probes: FMA rate, stream bandwidth, empty-call overhead");
    }

    /** How the cache size was obtained, where the probe and the OS disagree. */
    static String cacheNote(PeakProbes p) {
        if (p.lastLevelCacheMiB() == p.sysfsCacheMiB()) {
            return "";
        }
        return String.format(java.util.Locale.ROOT, "; last-level cache %.0f MiB as measured by stream rate over"
                + " growing footprints, sysfs reports %.0f MiB", p.lastLevelCacheMiB(), p.sysfsCacheMiB());
    }

    /**
     * Datasheet lanes: SIMD fp32 width × 2 FMA ports for the ISA level of the native build, or the
     * measured lanes when the ISA is unknown.
     */
    static double nominalLanes(String isa, double measured) {
        if (isa.contains("avx512") || isa.contains("v4")) {
            return 32;
        }
        if (isa.contains("avx2") || isa.contains("fma") || isa.contains("v3")) {
            return 16;
        }
        if (isa.contains("v2") || isa.contains("sse")) {
            return 8;
        }
        return measured;
    }
}
