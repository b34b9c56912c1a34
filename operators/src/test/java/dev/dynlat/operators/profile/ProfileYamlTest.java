package dev.dynlat.operators.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.operators.testing.Devices;
import dev.dynlat.operators.yaml.YamlException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProfileYamlTest {
    private static final String SRC = "test.yaml";

    private static final String VALID = """
            name: v100
            display_name: "NVIDIA Tesla V100"
            kind: gpu
            provenance: "reference"
            datasheet:
              processing_engines: 80
              fp32_lanes_per_engine: 64
              boost_clock_mhz: 1530
              dram_bandwidth_gbps: 900
              memory_gib: 16
              l2_cache_mib: 6
              source: "datasheet"
            laudnet:
              processing_engines: 80
              fp32_lanes_per_engine: 64
              clock_mhz: 1500
              dram_bandwidth_gbps: 700
              l2_bandwidth_ratio: 4
              issue_depth: 4
              transaction_elements: 8
              launch_overhead_us: 8
              default_batch: 128
              latency_mode: add
            """;

    private static final String CALIBRATED = """
            calibrated:
              lane_efficiency: 0.62
              dram_efficiency: 0.81
              l2_efficiency: 0.55
              launch_overhead_us: 11.5
              class_efficiency:
                conv: 0.9
                depthwise: 0.35
              calibration:
                date: "2024-05-01"
                machine: "test rig"
                backend: cuda
                samples: 240
                held_out_median_ape_pct: 7.5
            """;

    /** 1-based line of the first line of {@code yaml} that starts (after indent) with {@code prefix}. */
    private static int lineOf(String yaml, String prefix) {
        String[] lines = yaml.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].strip().startsWith(prefix)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line starts with " + prefix);
    }

    private static String replace(String yaml, String from, String to) {
        assertTrue(yaml.contains(from), from);
        return yaml.replace(from, to);
    }

    private static List<String> problems(String yaml) {
        YamlException e = assertThrows(YamlException.class, () -> ProfileLoader.parse(yaml, SRC));
        assertEquals(String.join(System.lineSeparator(), e.problems()), e.getMessage());
        return e.problems();
    }

    private static void assertProblem(String problem, int line, String path, String... fragments) {
        String prefix = SRC + ":" + line + " " + path + ": ";
        assertTrue(problem.startsWith(prefix), "expected prefix '" + prefix + "' in: " + problem);
        for (String f : fragments) {
            assertTrue(problem.contains(f), "expected '" + f + "' in: " + problem);
        }
    }

    @Test
    void parsesTheValidProfile() {
        DeviceProfile p = ProfileLoader.parse(VALID, SRC);
        assertEquals("v100", p.name());
        assertEquals(DeviceKind.GPU, p.kind());
        assertEquals(Devices.V100, p.laudnet());
        assertEquals(Optional.empty(), p.calibrated());
        assertEquals(6.0, p.datasheet().l2CacheMiB());
    }

    @Test
    void roundTripsWithoutCalibration() {
        DeviceProfile p = ProfileLoader.parse(VALID, SRC);
        assertEquals(p, ProfileLoader.parse(ProfileWriter.toYaml(p), "written"));
        DeviceProfile fixture = Devices.tx2();
        assertEquals(fixture, ProfileLoader.parse(ProfileWriter.toYaml(fixture), "written"));
    }

    @Test
    void roundTripsWithCalibration() {
        DeviceProfile p = ProfileLoader.parse(VALID + CALIBRATED, SRC);
        assertTrue(p.calibrated().isPresent());
        assertEquals(Map.of("conv", 0.9, "depthwise", 0.35), p.calibrated().get().classEfficiency());
        assertEquals(p, ProfileLoader.parse(ProfileWriter.toYaml(p), "written"));
        DeviceProfile fixture = Devices.v100Calibrated();
        assertEquals(fixture, ProfileLoader.parse(ProfileWriter.toYaml(fixture), "written"));
    }

    @Test
    void roundTripsTextThatNeedsQuoting() {
        DeviceProfile base = Devices.v100Calibrated();
        DeviceProfile p = new DeviceProfile("odd-name_1.0", "Quote \" and \\ and: colon # hash", DeviceKind.CPU,
                base.datasheet(), base.laudnet(), base.calibrated(), "prov: with \"quotes\"");
        assertEquals(p, ProfileLoader.parse(ProfileWriter.toYaml(p), "written"));
    }

    @Test
    void roundTripsFullPrecisionDoubles() {
        DeviceProfile base = Devices.v100Calibrated();
        CalibratedCoefficients k = base.calibrated().orElseThrow();
        CalibratedCoefficients precise = new CalibratedCoefficients(0.123456789, 1.0 / 3, k.l2Efficiency(),
                k.launchOverheadUs(), k.classEfficiency(), k.calibration());
        DeviceProfile p = new DeviceProfile(base.name(), base.displayName(), base.kind(), base.datasheet(),
                base.laudnet(), Optional.of(precise), base.provenance());
        assertEquals(p, ProfileLoader.parse(ProfileWriter.toYaml(p), "written"));
    }

    @Test
    void malformedYamlNamesSourceAndLine() {
        String yaml = VALID.replace("kind: gpu", "kind: [gpu");
        List<String> problems = problems(yaml);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(SRC + ":"), problems.get(0));
        assertTrue(problems.get(0).contains("malformed YAML"), problems.get(0));
    }

    @Test
    void emptyDocumentAndNonMappingRoot() {
        assertEquals(List.of(SRC + ":1: the document is empty"), problems(""));
        List<String> p = problems("- a\n- b\n");
        assertEquals(1, p.size());
        assertProblem(p.get(0), 1, "(document)", "expected a mapping");
    }

    @Test
    void typoInAKeyIsReportedAsUnknownAndTheRealKeyAsMissing() {
        String yaml = replace(VALID, "clock_mhz: 1500", "clock_mhzz: 1500");
        List<String> p = problems(yaml);
        assertEquals(2, p.size(), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.startsWith(SRC + ":" + lineOf(yaml, "clock_mhzz")
                + " laudnet.clock_mhzz: unknown key 'clock_mhzz'") && s.contains("clock_mhz,")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.contains("laudnet.clock_mhz: missing required key 'clock_mhz'")),
                p.toString());
    }

    @Test
    void missingTopLevelKey() {
        String yaml = replace(VALID, "kind: gpu\n", "");
        List<String> p = problems(yaml);
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).startsWith(SRC + ":"), p.get(0));
        assertTrue(p.get(0).contains(" kind: missing required key 'kind'"), p.get(0));
    }

    @Test
    void wrongTypesAreReportedAtTheirLines() {
        String yaml = replace(replace(replace(VALID, "kind: gpu", "kind: tpu"),
                "issue_depth: 4", "issue_depth: 4.5"), "memory_gib: 16", "memory_gib: \"16\"");
        List<String> p = problems(yaml);
        assertEquals(3, p.size(), p.toString());
        assertProblem(p.get(0), lineOf(yaml, "kind:"), "kind", "unknown value 'tpu'", "gpu, cpu");
        assertProblem(p.get(1), lineOf(yaml, "memory_gib"), "datasheet.memory_gib", "expected a number");
        assertProblem(p.get(2), lineOf(yaml, "issue_depth"), "laudnet.issue_depth", "expected an integer", "4.5");
    }

    @Test
    void aSectionOfTheWrongKind() {
        String yaml = VALID.substring(0, VALID.indexOf("datasheet:")) + "datasheet: 5\n"
                + VALID.substring(VALID.indexOf("laudnet:"));
        List<String> p = problems(yaml);
        assertEquals(1, p.size(), p.toString());
        assertProblem(p.get(0), lineOf(yaml, "datasheet:"), "datasheet", "expected a mapping");
    }

    @Test
    void allProblemsOfAFileAreReportedAtOnce() {
        String yaml = replace(replace(replace(VALID, "clock_mhz: 1500", "clock_mhz: -5"),
                "default_batch: 128", "default_batch: 0"), "boost_clock_mhz: 1530", "boost_clock_mhz: .nan");
        List<String> p = problems(yaml);
        assertEquals(3, p.size(), p.toString());
        assertProblem(p.get(0), lineOf(yaml, "boost_clock_mhz"), "datasheet.boost_clock_mhz", ".nan");
        assertProblem(p.get(1), lineOf(yaml, "clock_mhz: -5"), "laudnet.clock_mhz", "out of range", "-5");
        assertProblem(p.get(2), lineOf(yaml, "default_batch"), "laudnet.default_batch", "out of range", "0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"processing_engines: 0", "fp32_lanes_per_engine: 0", "dram_bandwidth_gbps: -700",
        "l2_bandwidth_ratio: 0", "launch_overhead_us: -1", "transaction_elements: 0", "clock_mhz: .inf",
        "clock_mhz: .nan", "clock_mhz: NaN", "latency_mode: sum", "default_batch: many"})
    void badLaudnetValues(String line) {
        String key = line.substring(0, line.indexOf(':'));
        String laudnetPart = VALID.substring(VALID.indexOf("laudnet:"));
        String badPart = laudnetPart.replaceFirst("(?m)^  " + key + ": .*$", "  " + line);
        String yaml = VALID.substring(0, VALID.indexOf("laudnet:")) + badPart;
        List<String> p = problems(yaml);
        assertEquals(1, p.size(), p.toString());
        int expectedLine = VALID.substring(0, VALID.indexOf("laudnet:")).split("\n").length
                + lineOf(badPart, line);
        assertProblem(p.get(0), expectedLine, "laudnet." + key);
    }

    @Test
    void badCalibratedSectionIsReportedWithPaths() {
        String cal = replace(replace(replace(CALIBRATED, "lane_efficiency: 0.62", "lane_efficiency: 0"),
                "depthwise: 0.35", "depthwise: lots"), "samples: 240", "sampels: 240");
        String yaml = VALID + cal;
        List<String> p = problems(yaml);
        assertEquals(4, p.size(), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.startsWith(SRC + ":" + lineOf(yaml, "lane_efficiency")
                + " calibrated.lane_efficiency: ")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.startsWith(SRC + ":" + lineOf(yaml, "depthwise")
                + " calibrated.class_efficiency.depthwise: ")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.startsWith(SRC + ":" + lineOf(yaml, "sampels")
                + " calibrated.calibration.sampels: unknown key")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.contains("calibrated.calibration.samples: missing required key")),
                p.toString());
    }

    @Test
    void aMisspeltOperatorClassIsRejectedWithTheValidClassesListed() {
        for (String section : List.of("class_efficiency", "class_overhead_us")) {
            String cal = replace(CALIBRATED, "class_efficiency:\n    conv: 0.9",
                    section + ":\n    grouped_conv: 0.5\n    conv: 0.9");
            String yaml = VALID + cal;
            List<String> p = problems(yaml);
            assertEquals(1, p.size(), p.toString());
            assertProblem(p.get(0), lineOf(yaml, "grouped_conv"), "calibrated." + section + ".grouped_conv",
                    "unknown operator class 'grouped_conv'", "grouped-conv", "gemm-copies", "depthwise");
        }
    }

    @Test
    void badNameIsRejected() {
        List<String> p = problems(replace(VALID, "name: v100", "name: \"v 100!\""));
        assertEquals(1, p.size(), p.toString());
        assertProblem(p.get(0), 1, "name", "v 100!");
    }

    @Test
    void duplicateKeyNamesSourceAndLine() {
        String yaml = VALID + "kind: cpu\n";
        List<String> p = problems(yaml);
        assertEquals(1, p.size(), p.toString());
        assertProblem(p.get(0), lineOf(yaml, "kind: cpu"), "kind", "duplicate key 'kind'");
    }

    @Test
    void duplicateKeyIsRejected() {
        YamlException e = assertThrows(YamlException.class, () -> ProfileLoader.parse(VALID + "kind: cpu\n", SRC));
        assertTrue(e.getMessage().contains("duplicate key 'kind'"), e.getMessage());
    }

    @Test
    void moreThanOneDocumentIsRejected() {
        List<String> p = problems(VALID + "---\n" + VALID);
        assertEquals(1, p.size());
        assertTrue(p.get(0).startsWith(SRC + ":") && p.get(0).contains("more than one YAML document"), p.get(0));
    }

    @Test
    void deviceModelRefusesCalibratedVariantWithoutCoefficients() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> dev.dynlat.operators.model.DeviceModel.of(Devices.v100(),
                        dev.dynlat.operators.model.ModelVariant.CALIBRATED, 0));
        assertTrue(e.getMessage().contains("v100"), e.getMessage());
        assertFalse(Devices.v100().calibrated().isPresent());
    }

    @org.junit.jupiter.api.Test
    void classOverheadsRoundTripAndAreCharged() {
        DeviceProfile p = ProfileLoader.parse((VALID + CALIBRATED).replace("  calibration:", "  class_overhead_us:\n    gather: 2.5\n"
                + "  calibration:"), SRC);
        assertEquals(Map.of("gather", 2.5), p.calibrated().orElseThrow().classOverheadUs());
        assertEquals(p, ProfileLoader.parse(ProfileWriter.toYaml(p), SRC), "round trip");
        var d = dev.dynlat.operators.model.DeviceModel.of(p, dev.dynlat.operators.model.ModelVariant.CALIBRATED, 1);
        var spec = new dev.dynlat.operators.spec.GatherSpec(8, 14, 14, 2, 1, 0.5);
        var bare = new dev.dynlat.operators.cost.CostModels(d).variant().table().cost(spec, d);
        var charged = new dev.dynlat.operators.cost.CostModels(d).cost(spec);
        double factor = d.classFactor("gather");
        assertEquals((bare.latencyS() - bare.launchS()) / factor + bare.launchS() + 2.5e-6, charged.latencyS(), 1e-15);
    }
}
