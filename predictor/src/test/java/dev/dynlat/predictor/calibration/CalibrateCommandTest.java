package dev.dynlat.predictor.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.calibration.backend.Backend;
import dev.dynlat.calibration.backend.Backends;
import dev.dynlat.calibration.backend.StreamPattern;
import dev.dynlat.calibration.kernel.KernelSpec;
import dev.dynlat.calibration.suite.CalibrationSuite;
import dev.dynlat.predictor.cli.CalibrateCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CalibrateCommandTest {
    @TempDir
    Path tmp;

    /** A deterministic backend: time proportional to FLOP plus bytes, no native code. */
    static final class FakeBackend implements Backend {
        private final boolean available;

        FakeBackend(boolean available) {
            this.available = available;
        }

        @Override public String name() { return available ? "cpu" : "cuda"; }
        @Override public boolean available() { return available; }
        @Override public String unavailableReason() { return available ? "" : "no CUDA device"; }
        @Override public double[] time(KernelSpec spec, int warmupRuns, int timedRuns) {
            double t = 1e-6 + spec.flops() / 50e9 + spec.outputLength() * 4 / 20e9;
            double[] out = new double[timedRuns];
            java.util.Arrays.fill(out, t);
            return out;
        }
        @Override public float[] runOnce(KernelSpec spec, long seed) { return new float[0]; }
        @Override public double peakFlops(long work) { return 100e9; }
        @Override public double streamBandwidth(StreamPattern p, long bytes, int repeats) {
            return bytes > (1 << 20) ? 20e9 : 80e9;
        }
        @Override public double emptyCallSeconds(int calls) { return 1e-6; }
        @Override public String deviceDescription() { return "cpu fake, 2 OpenMP threads"; }
    }

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private CalibrateCommand command(Backend backend) {
        CalibrateCommand c = new CalibrateCommand();
        c.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        c.backends = name -> {
            Backend real = Backends.byName(name); // unknown names fail as in production
            return real.name().equals("cuda") ? new FakeBackend(false) : backend;
        };
        CalibrationSuite q = CalibrationSuite.quickWithBlocks();
        c.suite = new CalibrationSuite(q.operators().subList(0, 30), q.blocks().subList(0, 2));
        return c;
    }

    private int run(CalibrateCommand c, String... args) {
        CommandLine cl = new CommandLine(c);
        cl.setParameterExceptionHandler((ex, a) -> {
            c.err.println("dynlat calibrate: " + ex.getMessage());
            return 2;
        });
        return cl.execute(args);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void unknownBackendIsAUsageError() {
        Path out = tmp.resolve("p.yaml");
        int code = run(command(new FakeBackend(true)), "--backend", "tpu", "--out", out.toString(), "--report",
                tmp.resolve("r").toString());
        assertEquals(2, code);
        assertTrue(stderr().startsWith("dynlat calibrate: unknown backend 'tpu'"), stderr());
        assertEquals(1, stderr().strip().lines().count());
        assertFalse(Files.exists(out));
    }

    @Test
    void aMachineThatStaysBusyIsRefusedWithExitThreeBeforeTheRealCpuBackendTimesAnything() {
        Path out = tmp.resolve("p.yaml");
        Path report = tmp.resolve("r");
        CalibrateCommand c = command(new FakeBackend(true));
        c.backends = name -> new dev.dynlat.calibration.backend.CpuBackend();
        c.quietMachine = new dev.dynlat.calibration.host.QuietMachine(ms -> java.util.Optional.of(1.0), 2_000);
        assertEquals(3, run(c, "--backend", "cpu", "--quick", "--out", out.toString(), "--report", report.toString()),
                stderr());
        List<String> lines = stderr().lines().toList();
        assertEquals(2, lines.size(), stderr());
        assertTrue(lines.get(0).contains("machine busy: other processes use 1.00 of"), lines.get(0));
        assertTrue(lines.get(1).startsWith("dynlat calibrate: machine busy: other processes used 1.00 of"), lines.get(1));
        assertTrue(lines.get(1).contains("--allow-busy"), lines.get(1));
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(report));
    }

    @Test
    void negativeRunCountsAreUsageErrors() {
        Path out = tmp.resolve("p.yaml");
        assertEquals(2, run(command(new FakeBackend(true)), "--backend", "cpu", "--runs", "-5", "--out",
                out.toString(), "--report", tmp.resolve("r").toString()));
        assertEquals(2, run(command(new FakeBackend(true)), "--backend", "cpu", "--warmup", "-1", "--out",
                out.toString(), "--report", tmp.resolve("r").toString()));
        assertFalse(Files.exists(out));
    }

    @Test
    void reportPointingAtAFileAndUnwritableOutAreUsageErrors() throws Exception {
        Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
        Path out = tmp.resolve("p.yaml");
        assertEquals(2, run(command(new FakeBackend(true)), "--backend", "cpu", "--out", out.toString(), "--report",
                file.toString()));
        assertTrue(stderr().contains("is a file"), stderr());
        assertEquals(2, run(command(new FakeBackend(true)), "--backend", "cpu", "--out",
                file.resolve("p.yaml").toString(), "--report", tmp.resolve("r").toString()));
        assertTrue(stderr().contains("'" + file + "' is not a directory"), stderr());
        assertFalse(Files.exists(out));
    }

    @Test
    void cudaWithoutDeviceIsAOneLineUsageError() {
        Path out = tmp.resolve("p.yaml");
        int code = run(command(new FakeBackend(true)), "--backend", "cuda", "--out", out.toString(), "--report",
                tmp.resolve("r").toString());
        assertEquals(2, code);
        assertEquals("dynlat calibrate: cuda backend: no CUDA device", stderr().strip());
        assertFalse(Files.exists(out));
    }

    @Test
    void interruptedRunKeepsMeasuredSamplesAndWritesNoProfile() throws Exception {
        CalibrateCommand c = command(new FakeBackend(true));
        int stopAfter = 5;
        c.listener = (m, done, total) -> {
            if (done == stopAfter) {
                throw new IllegalStateException("interrupted for the test");
            }
        };
        Path out = tmp.resolve("p.yaml");
        Path report = tmp.resolve("r");
        new CommandLine(c).parseArgs("--backend", "cpu", "--quick", "--out", out.toString(), "--report",
                report.toString());
        assertThrows(IllegalStateException.class, c::call);
        assertFalse(Files.exists(out));
        List<String> lines = Files.readAllLines(report.resolve("raw-samples.csv"));
        assertEquals("run,case,group,pass,attempt,sample,seconds", lines.get(0));
        long measurements = lines.stream().skip(1).map(l -> l.split(",")[1]).distinct().count();
        assertEquals(stopAfter, measurements);
        assertEquals(stopAfter * 7L, lines.size() - 1); // quick protocol: 7 timed runs, steady -> one attempt
    }

    @Test
    void completeRunWritesProfileAndReport() throws Exception {
        Path out = tmp.resolve("p.yaml");
        Path report = tmp.resolve("r");
        int code = run(command(new FakeBackend(true)), "--backend", "cpu", "--quick", "--out", out.toString(),
                "--report", report.toString());
        assertEquals(0, code, stderr());
        String yaml = Files.readString(out);
        assertTrue(yaml.contains("calibrated:"), yaml);
        var profile = dev.dynlat.operators.profile.ProfileLoader.load(out);
        assertTrue(profile.calibrated().isPresent(), "the written profile loads back with its coefficients");
        assertTrue(Files.exists(report.resolve("report.md")));
        assertTrue(Files.exists(report.resolve("predicted-vs-measured.svg")));
        assertTrue(Files.exists(report.resolve("predicted-vs-measured.png")));
        assertTrue(stderr().lines().anyMatch(l -> l.matches("\\[ ?\\d+/\\d+\\] .* \\.\\.\\. \\d+\\.\\d{3} ms ±\\d+\\.\\d%")),
                stderr().lines().limit(5).collect(Collectors.joining("\n")));
    }

    @Test
    void anOutputUnderProcIsRefusedBeforeTheRun() {
        Path report = tmp.resolve("r");
        int code = run(command(new FakeBackend(true)), "--backend", "cpu", "--quick", "--out", "/proc/x.yaml",
                "--report", report.toString());
        assertEquals(2, code, stderr());
        assertEquals("dynlat calibrate: --out: cannot write '/proc/x.yaml': it is under /proc, a kernel interface,"
                + " not a place for files", stderr().strip());
        assertFalse(Files.exists(report), "nothing was measured, no report directory made");
    }

    @Test
    void runCountsBeyondTheBoundsAreRefusedBeforeTheRun() {
        Path out = tmp.resolve("p.yaml");
        assertEquals(2, run(command(new FakeBackend(true)), "--backend", "cpu", "--runs", "2147483647", "--out",
                out.toString(), "--report", tmp.resolve("r").toString()));
        assertTrue(stderr().contains("runs: must be an integer in [3, 10000], got 2147483647"), stderr());
        assertEquals(2, run(command(new FakeBackend(true)), "--backend", "cpu", "--warmup", "1000000000", "--out",
                out.toString(), "--report", tmp.resolve("r").toString()));
        assertTrue(stderr().contains("warmup: must be an integer in [0, 100000], got 1000000000"), stderr());
        assertFalse(stderr().contains("probing"), "no measurement started");
        assertFalse(Files.exists(out));
    }

    @Test
    void aSecondRunNeedsAppendAndThenEveryRowCarriesItsRunId() throws Exception {
        Path out = tmp.resolve("p.yaml");
        Path report = tmp.resolve("r");
        String[] args = {"--backend", "cpu", "--quick", "--out", out.toString(), "--report", report.toString()};
        assertEquals(0, run(command(new FakeBackend(true)), args), stderr());
        Path csv = report.resolve("raw-samples.csv");
        byte[] firstCsv = Files.readAllBytes(csv);
        byte[] firstReport = Files.readAllBytes(report.resolve("report.md"));
        byte[] firstProfile = Files.readAllBytes(out);

        assertEquals(2, run(command(new FakeBackend(true)), args));
        assertTrue(stderr().contains("--report: cannot write '" + report + "': it already holds a calibration report"),
                stderr());
        assertArrayEquals(firstCsv, Files.readAllBytes(csv));
        assertArrayEquals(firstReport, Files.readAllBytes(report.resolve("report.md")));
        assertArrayEquals(firstProfile, Files.readAllBytes(out));

        String[] appended = java.util.Arrays.copyOf(args, args.length + 1);
        appended[args.length] = "--append";
        assertEquals(0, run(command(new FakeBackend(true)), appended), stderr());
        List<String> rows = Files.readAllLines(csv).subList(1, Files.readAllLines(csv).size());
        java.util.Map<String, Long> perRun = rows.stream().collect(Collectors.groupingBy(l -> l.split(",")[0],
                java.util.LinkedHashMap::new, Collectors.counting()));
        assertEquals(2, perRun.size(), perRun.toString());
        String md = Files.readString(report.resolve("report.md"));
        String latest = List.copyOf(perRun.keySet()).get(1);
        assertTrue(md.contains("raw timed samples: " + perRun.get(latest) + ", the rows of run `" + latest + "`"), md);
        String earlier = List.copyOf(perRun.keySet()).get(0);
        assertTrue(md.contains("also holds " + perRun.get(earlier) + " rows of 1 earlier runs (" + earlier + ")"), md);
    }

    @Test
    void theReportsSampleCountIsTheCsvsRowCount() throws Exception {
        Path report = tmp.resolve("r");
        assertEquals(0, run(command(new FakeBackend(true)), "--backend", "cpu", "--quick", "--out",
                tmp.resolve("p.yaml").toString(), "--report", report.toString()), stderr());
        long rows = Files.readAllLines(report.resolve("raw-samples.csv")).size() - 1;
        String md = Files.readString(report.resolve("report.md"));
        assertTrue(md.contains("- raw timed samples: " + rows + ", the rows of run"), md);
    }

    /** Times no model shape can describe: a seeded pseudo-random duration per kernel over 4 decades. */
    static final class ChaoticBackend implements Backend {
        private final FakeBackend base = new FakeBackend(true);

        @Override public String name() { return "cpu"; }
        @Override public boolean available() { return true; }
        @Override public String unavailableReason() { return ""; }
        @Override public double[] time(KernelSpec spec, int warmupRuns, int timedRuns) {
            long h = spec.toString().hashCode() * 0x9E3779B97F4A7C15L;
            double t = 1e-6 * Math.pow(10, 4 * ((h >>> 11) / (double) (1L << 53)));
            double[] out = new double[timedRuns];
            java.util.Arrays.fill(out, t);
            return out;
        }
        @Override public float[] runOnce(KernelSpec spec, long seed) { return new float[0]; }
        @Override public double peakFlops(long work) { return base.peakFlops(work); }
        @Override public double streamBandwidth(StreamPattern p, long bytes, int repeats) {
            return base.streamBandwidth(p, bytes, repeats);
        }
        @Override public double emptyCallSeconds(int calls) { return 1e-6; }
        @Override public String deviceDescription() { return "cpu fake, 2 OpenMP threads"; }
    }

    @Test
    void aPoorFitWritesNoProfileUnlessForcedAndThenIsMarked() throws Exception {
        Path out = tmp.resolve("p.yaml");
        int code = run(command(new ChaoticBackend()), "--backend", "cpu", "--quick", "--out", out.toString(),
                "--report", tmp.resolve("r").toString());
        assertEquals(1, code, stderr());
        assertTrue(stderr().contains("no profile written"), stderr());
        assertFalse(Files.exists(out));
        assertTrue(Files.exists(tmp.resolve("r").resolve("report.md")), "the report says why");
        code = run(command(new ChaoticBackend()), "--backend", "cpu", "--quick", "--force", "--out", out.toString(),
                "--report", tmp.resolve("r2").toString());
        assertEquals(0, code, stderr());
        String yaml = Files.readString(out);
        assertTrue(yaml.contains("    forced: "), yaml);
        var record = dev.dynlat.operators.profile.DeviceCatalog.load(out.toString()).calibrated().get().calibration();
        assertFalse(record.forced().isEmpty());
    }

    @Test
    void profilesCountSamplesAndConfigurationsApartAndFlagBounds() throws Exception {
        Path out = tmp.resolve("p.yaml");
        assertEquals(0, run(command(new FakeBackend(true)), "--backend", "cpu", "--quick", "--out", out.toString(),
                "--report", tmp.resolve("r").toString()), stderr());
        var k = dev.dynlat.operators.profile.DeviceCatalog.load(out.toString()).calibrated().get();
        var record = k.calibration();
        assertEquals(32, record.configurations(), "30 operators and 2 blocks");
        assertTrue(record.samples() >= 32 * 3, "samples count timed runs: " + record.samples());
        assertTrue(k.laneEfficiency() <= 1.0, "lane efficiency above the probed FMA rate: " + k.laneEfficiency());
        assertTrue(record.hasInterval(), "a p10-p90 band from the held-out residuals");
        assertTrue(record.intervalLow() <= record.intervalHigh());
        var ref = dev.dynlat.calibration.suite.SpeedReference.KERNEL;
        double refUs = (1e-6 + ref.flops() / 50e9 + ref.outputLength() * 4 / 20e9) * 1e6;
        assertEquals(refUs, record.speedReferenceUs(), 1e-9 * refUs, "the machine's speed at calibration is kept");
        assertTrue(Files.readString(out).contains("    speed_reference_us: "));
        String report = Files.readString(tmp.resolve("r").resolve("report.md"));
        assertTrue(report.contains("at a bound"), "coefficient table flags bounds");
        assertTrue(report.contains("std. error") && report.contains("± "), "coefficient table gives standard errors");
    }
}
