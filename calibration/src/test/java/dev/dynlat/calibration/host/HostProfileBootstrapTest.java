package dev.dynlat.calibration.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.operators.profile.AnalyticConstants;
import dev.dynlat.operators.profile.DeviceKind;
import dev.dynlat.operators.profile.DeviceProfile;
import dev.dynlat.operators.profile.LatencyMode;
import dev.dynlat.operators.profile.ProfileLoader;
import dev.dynlat.operators.profile.ProfileWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostProfileBootstrapTest {
    // fixed probe numbers: 2 cores at 2500 MHz doing 160 GFLOP/s -> 16 lanes per core
    private static final PeakProbes PROBES = new PeakProbes("Test CPU", "x86-64-v3", 2, 2500, 160e9, 20e9, 80e9,
            2e-6, 16, 32);

    @Test
    void constantsFollowTheProbes() {
        DeviceProfile p = HostProfileBootstrap.profile("host-cpu", PROBES);
        AnalyticConstants c = p.laudnet();
        assertEquals(DeviceKind.CPU, p.kind());
        assertEquals(2, c.processingEngines());
        assertEquals(16.0, c.fp32LanesPerEngine(), 1e-9);
        assertEquals(2500, c.clockMHz());
        assertEquals(20.0, c.dramBandwidthGBps(), 1e-9);
        assertEquals(4.0, c.l2BandwidthRatio(), 1e-9);
        assertEquals(2.0, c.launchOverheadUs(), 1e-9);
        assertEquals(16, c.transactionElements());
        assertEquals(1, c.defaultBatch());
        assertEquals(LatencyMode.ADD, c.latencyMode());
        assertTrue(p.calibrated().isEmpty());
        assertEquals(16, p.datasheet().fp32LanesPerEngine()); // avx2-class: 8 lanes x 2 FMA ports
    }

    @Test
    void missingCacheProbeUsesTheDefaultRatio() {
        PeakProbes noCache = new PeakProbes("x", "", 1, 1000, 8e9, 10e9, 0, 0, 0, 0);
        assertEquals(HostProfileBootstrap.DEFAULT_L2_RATIO,
                HostProfileBootstrap.profile("h", noCache).laudnet().l2BandwidthRatio());
    }

    @Test
    void bootstrappedProfileRoundTripsThroughYaml() {
        DeviceProfile p = HostProfileBootstrap.profile("host-cpu", PROBES);
        DeviceProfile back = ProfileLoader.parse(ProfileWriter.toYaml(p), "test");
        assertEquals(p.laudnet().processingEngines(), back.laudnet().processingEngines());
        assertEquals(p.laudnet().fp32LanesPerEngine(), back.laudnet().fp32LanesPerEngine(), 1e-6);
    }

    @Test
    void cpuInfoParsing() {
        CpuInfo info = CpuInfo.parse(List.of("processor\t: 0", "model name\t: Test EPYC 7B13", "cpu MHz\t\t: 2450.5",
                "cache size\t: 512 KB"), List.of("MemTotal:       16384000 kB"));
        assertEquals("Test EPYC 7B13", info.model());
        assertEquals(2450.5, info.clockMHz().getAsDouble());
        assertEquals(0.5, info.cacheMiB(), 1e-9);
        assertEquals(16384000 / 1024.0 / 1024.0, info.memoryGiB(), 1e-9);
        assertEquals("unknown", CpuInfo.parse(List.of(), List.of()).model());
        assertEquals(2, HostProber.threads("cpu x86-64-v3, 2 OpenMP threads"));
        assertEquals("x86-64-v3", HostProber.isa("cpu x86-64-v3, 2 OpenMP threads"));
    }

    /** The last-level cache comes from the highest sysfs cache level (AMD's cpuinfo "cache size" is one core's L2). */
    @Test
    void lastLevelCacheFromSysfs(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        String[][] levels = {{"1", "Data", "48K"}, {"1", "Instruction", "32K"}, {"2", "Unified", "1024K"},
            {"3", "Unified", "32768K"}};
        for (int i = 0; i < levels.length; i++) {
            java.nio.file.Path index = java.nio.file.Files.createDirectories(dir.resolve("index" + i));
            java.nio.file.Files.writeString(index.resolve("level"), levels[i][0] + "\n");
            java.nio.file.Files.writeString(index.resolve("type"), levels[i][1] + "\n");
            java.nio.file.Files.writeString(index.resolve("size"), levels[i][2] + "\n");
        }
        assertEquals(32.0, CpuInfo.lastLevelCacheMiB(dir), 1e-9);
        assertEquals(0.0, CpuInfo.lastLevelCacheMiB(dir.resolve("absent")), 0);
    }
}
