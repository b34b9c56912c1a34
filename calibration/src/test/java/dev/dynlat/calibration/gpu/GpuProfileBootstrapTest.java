package dev.dynlat.calibration.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.calibration.backend.GpuDeviceAttributes;
import dev.dynlat.calibration.suite.BootstrappedDevice;
import dev.dynlat.calibration.suite.DeviceBootstraps;
import dev.dynlat.operators.profile.AnalyticConstants;
import dev.dynlat.operators.profile.DeviceKind;
import dev.dynlat.operators.profile.DeviceProfile;
import dev.dynlat.operators.profile.ProfileLoader;
import dev.dynlat.operators.profile.ProfileWriter;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The mapping from recorded CUDA device attributes to GPU profiles, checked against datasheets. */
class GpuProfileBootstrapTest {
    private static final LocalDate DATE = LocalDate.of(2026, 12, 2);

    private static DeviceProfile bootstrap(String device) {
        return GpuProfileBootstrap.profile(device, RecordedGpus.attributes(device), Optional.empty(), DATE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        RecordedGpus.H100 + ", 132, 128",
        RecordedGpus.H200 + ", 132, 128",
        RecordedGpus.A100 + ", 108, 64",
        RecordedGpus.V100 + ", 80, 64",
        RecordedGpus.ORIN + ", 16, 128"})
    void enginesLanesAndPeakFollowTheDatasheet(String device, int sms, int lanes) {
        DeviceProfile p = bootstrap(device);
        assertEquals(DeviceKind.GPU, p.kind());
        assertEquals(sms, p.laudnet().processingEngines());
        assertEquals(sms, p.datasheet().processingEngines());
        assertEquals(lanes, p.laudnet().fp32LanesPerEngine());
        double tflops = RecordedGpus.datasheet(device, "fp32Tflops");
        assertEquals(tflops, p.datasheet().peakFp32Tflops(), 0.02 * tflops, "FP32 peak of " + device);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({RecordedGpus.H100, RecordedGpus.H200, RecordedGpus.A100, RecordedGpus.V100})
    void discreteDramBandwidthWithinTenPercentOfTheDatasheet(String device) {
        DeviceProfile p = bootstrap(device);
        double sheet = RecordedGpus.datasheet(device, "dramGBps");
        assertEquals(sheet, p.datasheet().dramBandwidthGBps(), 0.10 * sheet, device);
        assertEquals(p.datasheet().dramBandwidthGBps(), p.laudnet().dramBandwidthGBps(), 1e-9);
        assertEquals(GpuProfileBootstrap.DISCRETE_BATCH, p.laudnet().defaultBatch());
        assertFalse(p.displayName().contains("integrated"));
    }

    @Test
    void h100IsTheDatasheetPart() {
        DeviceProfile p = bootstrap(RecordedGpus.H100);
        assertEquals(3352.3, p.datasheet().dramBandwidthGBps(), 0.1); // 2 x 2619 MHz x 640 B
        assertEquals(1980, p.laudnet().clockMHz());
        assertEquals(50, p.datasheet().l2CacheMiB(), 1e-9);
        assertEquals(GpuProfileBootstrap.DEFAULT_LAUNCH_US, p.laudnet().launchOverheadUs());
        assertEquals(GpuProfileBootstrap.DEFAULT_L2_RATIO, p.laudnet().l2BandwidthRatio());
        assertEquals(GpuProfileBootstrap.TRANSACTION_ELEMENTS, p.laudnet().transactionElements());
        assertTrue(p.provenance().contains("NVIDIA H100 80GB HBM3"), p.provenance());
        assertTrue(p.provenance().contains("driver 12.4, runtime 12.4"), p.provenance());
        assertTrue(p.provenance().contains("2026-12-02"), p.provenance());
        assertTrue(p.displayName().contains("sm_90"), p.displayName());
    }

    @Test
    void jetsonOrinGivesAnIntegratedGpuProfile() {
        GpuDeviceAttributes a = RecordedGpus.attributes(RecordedGpus.ORIN);
        DeviceProfile p = bootstrap(RecordedGpus.ORIN);
        assertTrue(a.integrated());
        assertEquals(DeviceKind.GPU, p.kind());
        assertTrue(p.displayName().contains("integrated GPU sharing host memory"), p.displayName());
        assertEquals(GpuProfileBootstrap.INTEGRATED_BATCH, p.laudnet().defaultBatch());
        assertEquals(a.globalMemoryGiB(), p.datasheet().memoryGiB(), 1e-9);
        // the reported memory clock says 39 GB/s against 204.8 on the datasheet: the provenance says so
        assertTrue(p.datasheet().dramBandwidthGBps() < 0.5 * RecordedGpus.datasheet(RecordedGpus.ORIN, "dramGBps"));
        assertTrue(p.provenance().contains("unreliable on an integrated GPU"), p.provenance());
        // with probes the stream bandwidth decides
        GpuPeakProbes probes = new GpuPeakProbes(4.8e12, 180e9, 700e9, 4e-6, 6e-6, 30e-6, 256L << 20, 1L << 20);
        DeviceProfile probed = GpuProfileBootstrap.profile("orin", a, Optional.of(probes), DATE);
        assertEquals(180, probed.laudnet().dramBandwidthGBps(), 1e-9);
        assertEquals(GpuProfileBootstrap.INTEGRATED_BATCH, probed.laudnet().defaultBatch());
    }

    @Test
    void probesSetClockBandwidthsAndLaunchGap() {
        GpuDeviceAttributes a = RecordedGpus.attributes(RecordedGpus.H100);
        // 132 SMs x 128 lanes x 2 FLOP x 1755 MHz sustained
        double flops = 132 * 128 * 2 * 1755e6;
        GpuPeakProbes g = new GpuPeakProbes(flops, 3.0e12, 9.0e12, 2.2e-6, 3.1e-6, 12e-6, 512L << 20, 20L << 20);
        DeviceProfile p = GpuProfileBootstrap.profile("h100", a, Optional.of(g), DATE);
        AnalyticConstants c = p.laudnet();
        assertEquals(1755, c.clockMHz(), 1e-6);
        assertEquals(3000, c.dramBandwidthGBps(), 1e-9);
        assertEquals(3.0, c.l2BandwidthRatio(), 1e-9);
        assertEquals(2.2, c.launchOverheadUs(), 1e-9);
        assertEquals(1980, p.datasheet().boostClockMHz());
        assertTrue(p.provenance().contains("launch gap 2.20 us per kernel in a CUDA graph"), p.provenance());
        // an FMA probe above the peak clock (boost beyond the reported figure) is capped at that clock
        GpuPeakProbes fast = new GpuPeakProbes(2 * flops, 3.0e12, 1.0e12, 2.2e-6, 3.1e-6, 12e-6, 1, 1);
        DeviceProfile capped = GpuProfileBootstrap.profile("h100", a, Optional.of(fast), DATE);
        assertEquals(1980, capped.laudnet().clockMHz(), 1e-9);
        assertEquals(1.0, capped.laudnet().l2BandwidthRatio(), 1e-9, "on-chip never slower than DRAM");
    }

    @Test
    void bootstrappedDeviceSummarisesTheProbesForTheRoofline() {
        GpuDeviceAttributes a = RecordedGpus.attributes(RecordedGpus.A100);
        GpuPeakProbes g = new GpuPeakProbes(18e12, 1.4e12, 4.5e12, 2.5e-6, 3.5e-6, 10e-6, 320L << 20, 16L << 20);
        BootstrappedDevice d = DeviceBootstraps.gpu("host-cuda", a, g, DATE);
        assertEquals("NVIDIA A100-SXM4-40GB", d.probes().cpuModel());
        assertEquals("sm_80", d.probes().isa());
        assertEquals(108, d.probes().cores());
        assertEquals(2.5e-6, d.probes().emptyCallS());
        assertTrue(d.probeDetails().contains("launch gap 2.50 us"), d.probeDetails());
        assertEquals(DeviceKind.GPU, d.profile().kind());
    }

    @Test
    void profileRoundTripsThroughYaml() {
        DeviceProfile p = bootstrap(RecordedGpus.H200);
        DeviceProfile back = ProfileLoader.parse(ProfileWriter.toYaml(p), "test");
        assertEquals(DeviceKind.GPU, back.kind());
        assertEquals(p.laudnet().processingEngines(), back.laudnet().processingEngines());
        assertEquals(p.laudnet().dramBandwidthGBps(), back.laudnet().dramBandwidthGBps(), 1e-6);
        assertEquals(p.laudnet().defaultBatch(), back.laudnet().defaultBatch());
    }

    @Test
    void unknownComputeCapabilityIsNamed() {
        GpuDeviceAttributes a = RecordedGpus.attributes(RecordedGpus.H100);
        GpuDeviceAttributes future = new GpuDeviceAttributes("Future GPU", 42, 1, a.multiprocessors(),
                a.maxClockKHz(), a.memoryClockKHz(), a.memoryBusWidthBits(), a.l2CacheBytes(), a.globalMemoryBytes(),
                false, 2048, 0, 0, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GpuProfileBootstrap.profile("x", future, Optional.empty(), DATE));
        assertTrue(e.getMessage().contains("42.1 (sm_421)"), e.getMessage());
    }

    @Test
    void nativeValuesAndVersions() {
        long[] v = {9, 0, 132, 1980000, 2619000, 5120, 52428800, 84942979072L, 0, 2048, 233472};
        GpuDeviceAttributes a = GpuDeviceAttributes.fromNative("NVIDIA H100 80GB HBM3", v, 12040, 13000);
        assertEquals(RecordedGpus.attributes(RecordedGpus.H100).multiprocessors(), a.multiprocessors());
        assertEquals("12.4", GpuDeviceAttributes.versionText(12040));
        assertEquals("13.0", GpuDeviceAttributes.versionText(13000));
        assertEquals("none", GpuDeviceAttributes.versionText(0));
        assertTrue(a.driverTooOld());
        assertThrows(IllegalArgumentException.class, () -> GpuDeviceAttributes.fromNative("x", new long[3], 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new GpuDeviceAttributes("x", 9, 0, 0, 1, 1, 1, 1, 1, false,
                1, 0, 0, 0));
    }

    @Test
    void probeBuffersAreSizedFromTheL2() {
        GpuDeviceAttributes h100 = RecordedGpus.attributes(RecordedGpus.H100);
        assertEquals(8 * h100.l2CacheBytes(), GpuProber.dramBufferBytes(h100));
        assertTrue(GpuProber.l2BufferBytes(h100) < h100.l2CacheBytes() / 2);
        assertEquals(GpuProber.MIN_DRAM_BYTES, GpuProber.dramBufferBytes(RecordedGpus.attributes(RecordedGpus.ORIN)));
        long l2 = GpuProber.l2BufferBytes(h100);
        assertTrue(l2 * GpuProber.l2Passes(l2) >= GpuProber.L2_BYTES_PER_LAUNCH);
    }
}
