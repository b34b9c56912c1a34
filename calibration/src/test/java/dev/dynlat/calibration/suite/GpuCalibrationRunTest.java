package dev.dynlat.calibration.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.calibration.backend.Backend;
import dev.dynlat.calibration.backend.GpuDeviceAttributes;
import dev.dynlat.calibration.backend.StreamPattern;
import dev.dynlat.calibration.gpu.GpuPeakProbes;
import dev.dynlat.calibration.kernel.KernelSpec;
import dev.dynlat.calibration.model.AnalyticLatencyModel;
import dev.dynlat.calibration.model.KernelSpecMapper;
import dev.dynlat.calibration.model.MappedOperator;
import dev.dynlat.calibration.protocol.MeasurementListener;
import dev.dynlat.calibration.protocol.ProtocolSettings;
import dev.dynlat.calibration.run.CalibrationRun;
import dev.dynlat.operators.profile.DeviceKind;
import dev.dynlat.operators.profile.DeviceProfile;
import dev.dynlat.operators.profile.ProfileLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole calibration run on a GPU device without a GPU: an H100 bootstrapped from recorded attributes
 * and probe numbers, and a scripted backend whose timings are the calibrated GPU model's at known
 * coefficients. The run must fit the GPU model (tiles × waves), reach a near-zero held-out error,
 * and write a GPU profile and a report that name it. Synthetic timings test the plumbing only.
 */
class GpuCalibrationRunTest {
    private static final GpuDeviceAttributes H100 = new GpuDeviceAttributes("NVIDIA H100 80GB HBM3", 9, 0, 132,
            1980000, 2619000, 5120, 52428800, 84942979072L, false, 2048, 233472, 12040, 13000);
    private static final GpuPeakProbes PROBES = new GpuPeakProbes(60e12, 3.0e12, 9.0e12, 2.0e-6, 3.0e-6, 12e-6,
            400L << 20, 20L << 20);

    @Test
    void fitsTheGpuModelAndWritesAGpuProfile(@TempDir Path tmp) throws IOException {
        BootstrappedDevice device = DeviceBootstraps.gpu("host-cuda", H100, PROBES, LocalDate.of(2026, 12, 2));
        CalibrationSuite quick = CalibrationSuite.quickWithBlocks();
        Set<String> classes = new HashSet<>();
        quick.operators().forEach(c -> classes.add(c.operator().operatorClass()));
        AnalyticLatencyModel truthModel = new AnalyticLatencyModel(device.profile(),
                FitPlan.forKind(DeviceKind.GPU).layout(classes));
        double[] truth = new double[truthModel.parameters().size()];
        Arrays.fill(truth, 0.8);
        truth[0] = 0.4; // lane efficiency
        Map<KernelSpec, MappedOperator> mapped = new IdentityHashMap<>();
        quick.operators().forEach(c -> mapped.put(c.kernel(), c.operator()));
        Backend scripted = new ScriptedGpu(k -> truthModel.predictSeconds(truth,
                mapped.containsKey(k) ? mapped.get(k) : KernelSpecMapper.map(k)));

        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        Path profile = tmp.resolve("gpu.yaml");
        Path report = tmp.resolve("report");
        CalibrationOutcome o = CalibrationRun.onDevice(() -> device, scripted, quick, ProtocolSettings.quick(), true,
                (b, p, v) -> 1e-4, new PrintStream(progress, true, StandardCharsets.UTF_8),
                MeasurementListener.NONE).run(profile, report);

        assertEquals(DeviceKind.GPU, o.profile().kind());
        double heldOut = o.fit().heldOutAfter().overall().medianApePct();
        assertTrue(heldOut < 1.0, "held-out MdAPE " + heldOut + "% on timings of the GPU model itself");
        DeviceProfile back = ProfileLoader.parse(Files.readString(profile), profile.toString());
        assertEquals(DeviceKind.GPU, back.kind());
        assertEquals(132, back.laudnet().processingEngines());
        assertEquals("NVIDIA H100 80GB HBM3", back.calibrated().orElseThrow().calibration().machine());
        String md = Files.readString(report.resolve("report.md"));
        assertTrue(md.contains("132 SMs (sm_90)"), md.substring(0, Math.min(600, md.length())));
        assertTrue(md.contains("fitted model: calibrated-gpu (tiles x waves)"), md.substring(0, 600));
        assertTrue(md.contains("launch gap 2.00 us per kernel in a CUDA graph"), md.substring(0, 900));
        String log = progress.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("fitting calibrated-gpu"), log);
        assertTrue(Files.readAllLines(report.resolve(CalibrationRun.RAW_SAMPLES)).size() > quick.size());
    }

    /** A backend whose every timed run takes what {@code seconds} says. */
    private record ScriptedGpu(java.util.function.ToDoubleFunction<KernelSpec> seconds) implements Backend {
        @Override
        public String name() {
            return "cuda-scripted";
        }

        @Override
        public boolean available() {
            return true;
        }

        @Override
        public String unavailableReason() {
            return "";
        }

        @Override
        public double[] time(KernelSpec spec, int warmupRuns, int timedRuns) {
            double[] t = new double[timedRuns];
            Arrays.fill(t, seconds.applyAsDouble(spec));
            return t;
        }

        @Override
        public float[] runOnce(KernelSpec spec, long seed) {
            throw new UnsupportedOperationException();
        }

        @Override
        public double peakFlops(long work) {
            return PROBES.fmaFlopsPerS();
        }

        @Override
        public double streamBandwidth(StreamPattern pattern, long bytes, int repeats) {
            return PROBES.dramBytesPerS();
        }

        @Override
        public double emptyCallSeconds(int calls) {
            return PROBES.launchSyncS();
        }

        @Override
        public String deviceDescription() {
            return "cuda scripted H100";
        }
    }
}
