package dev.dynlat.calibration.gpu;

import dev.dynlat.calibration.backend.GpuDeviceAttributes;
import dev.dynlat.operators.profile.AnalyticConstants;
import dev.dynlat.operators.profile.Datasheet;
import dev.dynlat.operators.profile.DeviceKind;
import dev.dynlat.operators.profile.DeviceProfile;
import dev.dynlat.operators.profile.LatencyMode;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Maps the CUDA runtime's device attributes (and, when they ran, the GPU probes) to a GPU
 * {@link DeviceProfile} for the analytic model: SMs are the processing engines, FP32 lanes per SM
 * come from the compute-capability table, the clock is the peak SM clock (or the sustained clock the
 * FMA probe implies), the DRAM bandwidth is 2 × memory clock × bus width / 8 (or the stream probe), the
 * on-chip ratio is L2 over DRAM probe bandwidth, and the launch overhead is the back-to-back launch gap.
 * The structural constants LAUDNet uses for GPUs (issue depth 4, 8-element transactions) are kept.
 */
public final class GpuProfileBootstrap {
    /** LAUDNet's GPU issue depth: independent outputs per lane that hide the FMA latency. */
    public static final int ISSUE_DEPTH = 4;
    /** fp32 elements per 32-byte DRAM sector. */
    public static final int TRANSACTION_ELEMENTS = 8;
    /** On-chip / DRAM ratio without an L2 probe (LAUDNet's GPU value). */
    public static final double DEFAULT_L2_RATIO = 4;
    /** Launch overhead without a probe, microseconds (LAUDNet's GPU value). */
    public static final double DEFAULT_LAUNCH_US = 8;
    /** LAUDNet's batch conventions: 128 on discrete GPUs, 1 on embedded (integrated) ones. */
    public static final int DISCRETE_BATCH = 128;
    public static final int INTEGRATED_BATCH = 1;

    private GpuProfileBootstrap() {
    }

    /**
     * @param name   profile name (command-line identifier)
     * @param a      device attributes from the CUDA runtime (or a recorded deviceQuery)
     * @param probes the GPU probes, when they ran
     * @param date   date of the bootstrap, for the provenance
     * @throws IllegalArgumentException when the compute capability is not in the lanes table
     */
    public static DeviceProfile profile(String name, GpuDeviceAttributes a, Optional<GpuPeakProbes> probes,
                                        LocalDate date) {
        Objects.requireNonNull(a, "attributes");
        double lanes = Fp32LanesTable.lanesPerSm(a.computeMajor(), a.computeMinor()).orElseThrow(() ->
                new IllegalArgumentException("compute capability " + a.computeCapability() + " (" + a.smName()
                        + ") is not in the FP32 lanes table " + Fp32LanesTable.RESOURCE));
        int sms = a.multiprocessors();
        double clockMHz = a.maxClockMHz();
        double dramGBps = a.theoreticalDramGBps();
        double l2Ratio = DEFAULT_L2_RATIO;
        double launchUs = DEFAULT_LAUNCH_US;
        if (probes.isPresent()) {
            GpuPeakProbes p = probes.get();
            // the clock the FMA probe sustained; never above the peak clock the runtime reports
            clockMHz = Math.min(clockMHz, p.fmaFlopsPerS() / 2 / sms / lanes / 1e6);
            dramGBps = p.dramBytesPerS() / 1e9;
            l2Ratio = Math.max(1, p.l2BytesPerS() / p.dramBytesPerS());
            launchUs = p.launchGapS() * 1e6;
        }
        AnalyticConstants constants = new AnalyticConstants(sms, lanes, clockMHz, dramGBps, l2Ratio, ISSUE_DEPTH,
                TRANSACTION_ELEMENTS, launchUs, a.integrated() ? INTEGRATED_BATCH : DISCRETE_BATCH, LatencyMode.ADD);
        Datasheet sheet = new Datasheet(sms, lanes, a.maxClockMHz(), a.theoreticalDramGBps(), a.globalMemoryGiB(),
                a.l2CacheMiB(), "CUDA runtime attributes of " + a.name() + " (" + a.smName() + ")");
        String display = a.name() + " (" + a.smName() + ", " + sms + " SMs"
                + (a.integrated() ? ", integrated GPU sharing host memory" : "") + ")";
        return new DeviceProfile(name, display, DeviceKind.GPU, sheet, constants, Optional.empty(),
                provenance(a, probes, date, clockMHz));
    }

    static String provenance(GpuDeviceAttributes a, Optional<GpuPeakProbes> probes, LocalDate date, double clockMHz) {
        String base = "bootstrapped from the CUDA runtime on " + date + ": " + a.name() + ", " + a.smName()
                + ", driver " + GpuDeviceAttributes.versionText(a.driverVersion()) + ", runtime "
                + GpuDeviceAttributes.versionText(a.runtimeVersion());
        if (probes.isEmpty()) {
            return base + "; no probes: DRAM bandwidth from the memory clock and bus width"
                    + (a.integrated() ? " (unreliable on an integrated GPU, whose reported memory clock does not"
                    + " describe its LPDDR interface: run the probes)" : "")
                    + ", LAUDNet's L2 ratio 4 and 8 us launch";
        }
        GpuPeakProbes p = probes.get();
        return base + String.format(Locale.ROOT, "; probes: FMA %.2f TFLOP/s (sustained clock %.0f MHz), DRAM %.0f GB/s"
                        + " over %d MiB, L2 %.0f GB/s over %.1f MiB, launch gap %.2f us per kernel in a CUDA graph"
                        + " (%.2f us launched one by one, %.1f us with a synchronisation)",
                p.fmaFlopsPerS() / 1e12, clockMHz, p.dramBytesPerS() / 1e9, p.dramBufferBytes() >> 20,
                p.l2BytesPerS() / 1e9, p.l2BufferBytes() / (1024.0 * 1024.0), p.launchGapS() * 1e6,
                p.streamLaunchGapS() * 1e6, p.launchSyncS() * 1e6);
    }
}
