package dev.dynlat.calibration.measured;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.profile.CalibratedCoefficients;
import dev.dynlat.operators.profile.DeviceCatalog;
import dev.dynlat.operators.profile.DeviceProfile;
import dev.dynlat.operators.profile.GpuLibraryCoefficients;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The built-in GPU profiles against the measurements they were calibrated on (the NeuSight files in
 * test resources): each profile's recorded held-out error is what its terms give on those rows today
 * (so a change to the GPU library model that moves any figure fails here until the profiles are
 * regenerated with {@code src/gpu/calibrate-from-neusight.sh}), the calibrated variant beats the
 * laudnet variant on the held-out rows of every operator class, and the profiles of GPUs never
 * measured carry their source's terms unchanged.
 */
class BuiltInGpuProfilesTest {

    private static List<MeasuredOperator> rows(String glob) throws IOException, URISyntaxException {
        Path kernels = Path.of(BuiltInGpuProfilesTest.class.getResource("/neusight/kernels").toURI());
        List<Path> files = new ArrayList<>();
        try (Stream<Path> all = Files.walk(kernels)) {
            all.filter(p -> kernels.relativize(p).toString().matches(glob)).sorted().forEach(files::add);
        }
        assertTrue(!files.isEmpty(), "no file matches " + glob);
        return MeasurementSources.readAll(files);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
            "v100-pcie-32gb, [a-z]+/Tesla_V100-PCIE-32GB.csv.gz",
            "t4, [a-z]+/Tesla_T4.csv.gz",
            "p100-pcie-16gb, [a-z]+/Tesla_P100-PCIE-16GB.csv.gz",
            "p4, [a-z]+/Tesla_P4.csv.gz",
            // The A100 profiles' last fit was cuDNN's terms, on the only A100 conv file (the 80GB card).
            "a100-80gb-pcie, conv/NVIDIA_A100_80GB_PCIe.csv.gz",
            "a100-pcie-40gb, conv/NVIDIA_A100_80GB_PCIe.csv.gz"})
    void eachMeasuredProfileGivesTheHeldOutErrorItRecords(String profile, String files) throws Exception {
        DeviceProfile p = DeviceCatalog.load(profile);
        List<MeasuredOperator> held = rows(files).stream().filter(ShapeFamily::heldOut).toList();
        OperatorPricer calibrated = new OperatorPricer(p, ModelVariant.CALIBRATED);
        OperatorPricer laudnet = new OperatorPricer(p, ModelVariant.LAUDNET);
        Map<String, List<double[]>> byClass = new TreeMap<>();
        double[] after = new double[held.size()];
        double[] measured = new double[held.size()];
        for (int i = 0; i < held.size(); i++) {
            MeasuredOperator m = held.get(i);
            after[i] = calibrated.latencyS(m);
            measured[i] = m.latencyMs() * 1e-3;
            byClass.computeIfAbsent(MeasuredClasses.of(m), k -> new ArrayList<>())
                    .add(new double[] {after[i], laudnet.latencyS(m), measured[i]});
        }
        CalibratedCoefficients.CalibrationRecord record = p.calibrated().orElseThrow().calibration();
        assertEquals(record.heldOutMedianApePct(), Accuracy.of(after, measured).mdapePct(), 0.05,
                profile + ": recorded held-out MdAPE vs recomputed");
        byClass.forEach((c, r) -> {
            double[] a = r.stream().mapToDouble(x -> x[0]).toArray();
            double[] l = r.stream().mapToDouble(x -> x[1]).toArray();
            double[] m = r.stream().mapToDouble(x -> x[2]).toArray();
            double mine = Accuracy.of(a, m).mdapePct();
            double reference = Accuracy.of(l, m).mdapePct();
            assertTrue(mine < reference, profile + " " + c + ": calibrated " + mine + "% vs laudnet " + reference + "%");
        });
    }

    @Test
    void gpusNeverMeasuredCarryTheirSourcesTerms() {
        for (String[] pair : new String[][] {{"h100-80gb-hbm3", "a100-pcie-40gb"}, {"a100-sxm4-40gb", "a100-pcie-40gb"},
                {"l4", "t4"}}) {
            DeviceProfile target = DeviceCatalog.load(pair[0]);
            DeviceProfile source = DeviceCatalog.load(pair[1]);
            GpuLibraryCoefficients t = target.calibrated().flatMap(CalibratedCoefficients::gpuLibrary).orElseThrow();
            GpuLibraryCoefficients s = source.calibrated().flatMap(CalibratedCoefficients::gpuLibrary).orElseThrow();
            assertEquals("transfer", target.calibrated().orElseThrow().calibration().backend(), pair[0]);
            assertTrue(t.source().contains(source.cudaName().orElseThrow()), t.source());
            assertEquals(s.dramEfficiency(), t.dramEfficiency(), 1e-9, pair[0]);
            assertEquals(s.convEfficiency(), t.convEfficiency(), pair[0]);
            assertEquals(s.hostFloorUs(), t.hostFloorUs(), pair[0]);
            t.gemmEfficiency().forEach((tile, e) -> {
                if (s.gemmEfficiency().containsKey(tile)) {
                    assertEquals(s.gemmEfficiency().get(tile), e, 1e-9, pair[0] + " " + tile);
                }
            });
        }
    }
}
