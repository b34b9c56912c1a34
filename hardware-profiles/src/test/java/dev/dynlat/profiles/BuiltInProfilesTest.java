package dev.dynlat.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.profile.AnalyticConstants;
import dev.dynlat.operators.profile.Datasheet;
import dev.dynlat.operators.profile.DeviceCatalog;
import dev.dynlat.operators.profile.DeviceProfile;
import dev.dynlat.operators.profile.LatencyMode;
import dev.dynlat.operators.profile.ProfileLoader;
import dev.dynlat.operators.profile.ProfileWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The profiles shipped in this module load, are consistent and carry the LAUDNet constants. */
class BuiltInProfilesTest {

    static List<String> names() {
        return DeviceCatalog.builtInNames();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = BuiltInProfilesTest.class.getClassLoader()
                .getResourceAsStream("dynlat/profiles/" + name)) {
            assertNotNull(in, "missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void indexListsTheReferenceDevicesWithoutDuplicates() {
        List<String> names = names();
        assertTrue(names.containsAll(List.of("v100", "rtx3090", "rtx3060", "tx2", "nano")), names.toString());
        assertEquals(names.size(), new HashSet<>(names).size(), "duplicate names: " + names);
    }

    @ParameterizedTest
    @MethodSource("names")
    void everyIndexedProfileLoadsAndIsNamedAfterItsFile(String name) throws IOException {
        DeviceProfile p = DeviceCatalog.load(name);
        assertEquals(name, p.name());
        // The file parses on its own too (not only through the catalog).
        assertEquals(p, ProfileLoader.parse(resource(name + ".yaml"), name + ".yaml"));
        // And survives a write/read round trip.
        assertEquals(p, ProfileLoader.parse(ProfileWriter.toYaml(p), "written " + name));
        assertFalse(p.displayName().isBlank());
        assertFalse(p.provenance().isBlank());
        assertFalse(p.datasheet().source().isBlank());
        DeviceModel.of(p, ModelVariant.LAUDNET, 0);
    }

    @ParameterizedTest
    @MethodSource("names")
    void datasheetNumbersArePlausible(String name) {
        DeviceProfile p = DeviceCatalog.load(name);
        Datasheet d = p.datasheet();
        double tflops = d.peakFp32Tflops();
        // From a Jetson Nano (~0.24 TFLOPS) to an H100 (~67 TFLOPS), with margin.
        assertTrue(tflops > 0.1 && tflops < 200, name + ": peak " + tflops + " TFLOPS");
        assertTrue(d.dramBandwidthGBps() >= 10 && d.dramBandwidthGBps() <= 10_000, name);
        assertTrue(d.memoryGiB() >= 1 && d.memoryGiB() <= 256, name);
        assertTrue(d.boostClockMHz() >= 300 && d.boostClockMHz() <= 3000, name);
        // The model never assumes more engines, lanes, clock or bandwidth than the datasheet.
        AnalyticConstants c = p.laudnet();
        assertTrue(c.processingEngines() <= d.processingEngines(), name);
        assertTrue(c.fp32LanesPerEngine() <= d.fp32LanesPerEngine(), name);
        assertTrue(c.clockMHz() <= d.boostClockMHz(), name);
        assertTrue(c.dramBandwidthGBps() <= d.dramBandwidthGBps(), name);
    }

    /** Reference constants of LAUDNet's eval_example.py, as recorded in the task brief. */
    private static void assertReference(String name, int engines, int lanes, double clock, double bw, Double ratio,
                                        int batch) {
        AnalyticConstants c = DeviceCatalog.load(name).laudnet();
        assertEquals(engines, c.processingEngines(), name + " engines");
        assertEquals(lanes, c.fp32LanesPerEngine(), name + " lanes");
        assertEquals(clock, c.clockMHz(), name + " clock");
        assertEquals(bw, c.dramBandwidthGBps(), name + " bandwidth");
        if (ratio != null) {
            assertEquals(ratio, c.l2BandwidthRatio(), name + " L2 ratio");
        }
        assertEquals(batch, c.defaultBatch(), name + " batch");
        assertEquals(8.0, c.launchOverheadUs(), name + " launch");
        assertEquals(LatencyMode.ADD, c.latencyMode(), name + " mode");
    }

    @Test
    void laudnetReferenceConstants() {
        assertReference("v100", 80, 64, 1500, 700, 4.0, 128);
        assertReference("rtx3090", 82, 128, 1250, 936, 1.0, 128);
        assertReference("rtx3060", 28, 128, 1777, 360, 4.0, 128);
        assertReference("tx2", 2, 128, 1300, 59.7, 4.0, 1);
        assertReference("nano", 1, 128, 921, 25.6, null, 1);
    }

    @Test
    void unknownDeviceListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeviceCatalog.load("nope"));
        assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
        for (String n : names()) {
            assertTrue(e.getMessage().contains(n), "message does not list " + n + ": " + e.getMessage());
        }
    }

    @Test
    void missingProfileFileIsReportedAsAFile() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DeviceCatalog.load("no/such/profile.yaml"));
        assertTrue(e.getMessage().equals("--device: cannot read 'no/such/profile.yaml': no such file or directory"),
                e.getMessage());
    }

    /** Every GPU of NeuSight's device configs, by the name the CUDA runtime reports. */
    static final List<List<String>> CUDA_DEVICES = List.of(
            List.of("v100-pcie-32gb", "Tesla V100-PCIE-32GB"), List.of("a100-pcie-40gb", "NVIDIA A100-PCIE-40GB"),
            List.of("a100-sxm4-40gb", "NVIDIA A100-SXM4-40GB"), List.of("a100-80gb-pcie", "NVIDIA A100 80GB PCIe"),
            List.of("h100-80gb-hbm3", "NVIDIA H100 80GB HBM3"), List.of("l4", "NVIDIA L4"), List.of("t4", "Tesla T4"),
            List.of("p100-pcie-16gb", "Tesla P100-PCIE-16GB"), List.of("p4", "Tesla P4"));

    @Test
    void everyMeasuredGpuHasAProfileFoundByItsCudaName() {
        for (List<String> d : CUDA_DEVICES) {
            DeviceProfile p = DeviceCatalog.byCudaName(d.get(1)).orElseThrow(() -> new AssertionError(d.get(1)));
            assertEquals(d.get(0), p.name());
            assertEquals(java.util.Optional.of(d.get(1)), p.cudaName());
            // The laudnet constants are the datasheet's figures, as for the other datasheet-derived profiles.
            assertEquals(p.datasheet().processingEngines(), p.laudnet().processingEngines(), d.get(0));
            assertEquals(p.datasheet().boostClockMHz(), p.laudnet().clockMHz(), d.get(0));
            assertEquals(p.datasheet().dramBandwidthGBps(), p.laudnet().dramBandwidthGBps(), d.get(0));
            assertTrue(p.datasheet().l2CacheMiB() > 0, d.get(0));
        }
        assertEquals(CUDA_DEVICES.stream().map(d -> d.get(1)).toList(), DeviceCatalog.cudaNames(),
                "one profile per CUDA name, in index order");
        assertTrue(DeviceCatalog.byCudaName("Tesla V100-PCIE-16GB").isEmpty(), "exact names only");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DeviceCatalog.forCudaName("f.csv:2 column 'Device'", "NVIDIA GeForce RTX 4090"));
        assertTrue(e.getMessage().startsWith("f.csv:2 column 'Device': no built-in profile for device "
                + "'NVIDIA GeForce RTX 4090'; known CUDA devices: Tesla V100-PCIE-32GB, "), e.getMessage());
        // The reference profiles stand for a GPU family and stay as they were.
        for (String n : List.of("v100", "a100", "h100", "rtx3090", "rtx3060", "tx2", "nano")) {
            assertTrue(DeviceCatalog.load(n).cudaName().isEmpty(), n);
        }
    }

    @Test
    void builtInsAreTheIndexedProfilesInOrder() {
        List<DeviceProfile> all = DeviceCatalog.builtIns();
        assertEquals(names(), all.stream().map(DeviceProfile::name).toList());
    }
}
