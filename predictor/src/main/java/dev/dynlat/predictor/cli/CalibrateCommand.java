package dev.dynlat.predictor.cli;

import dev.dynlat.calibration.backend.Backend;
import dev.dynlat.calibration.backend.Backends;
import dev.dynlat.calibration.protocol.MeasurementListener;
import dev.dynlat.calibration.protocol.ProtocolSettings;
import dev.dynlat.calibration.suite.CalibrationOutcome;
import dev.dynlat.calibration.suite.CalibrationRun;
import dev.dynlat.calibration.suite.CalibrationSuite;
import dev.dynlat.calibration.report.ReportDirectory;
import dev.dynlat.operators.input.InputBounds;
import dev.dynlat.predictor.calibration.ComposerBlockLatency;
import dev.dynlat.reports.io.OutputTarget;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dynlat calibrate}: measures the calibration suite on a backend, fits the calibrated model
 * variant, and writes the profile and a report. Bad input is a one-line error and exit code 2; the
 * profile is written (atomically) only when everything else succeeded.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Measure kernels and dynamic blocks, fit the calibrated model, write a profile and a report.")
public final class CalibrateCommand implements Callable<Integer> {
    static final int USAGE_ERROR = 2;
    static final int RUN_ERROR = 1;

    @Option(names = "--backend", required = true, paramLabel = "cpu|cuda", description = "Backend to measure on.")
    String backend;

    @Option(names = "--quick", description = "Smaller suite and shorter protocol (about 4 s on 2 idle cores; the full suite about 14 s).")
    boolean quick;

    @Option(names = "--out", paramLabel = "PROFILE.yaml", description = "Calibrated profile to write (required unless --plan).")
    Path out;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Directory for report.md, charts and raw-samples.csv (required unless --plan).")
    Path report;

    @Option(names = "--plan", paramLabel = "DIR",
            description = "Measure nothing: write the suite's operator cases and protocol to DIR/plan.txt for a device"
                    + " without a JVM (src/gpu/measure-on-gpu.sh; format in src/docs/gpu/plan-format.md). cuda only.")
    Path plan;

    @Option(names = "--append", description = "Add this run to a report directory that holds an earlier run"
            + " (raw samples carry a run id; report.md describes the latest run). Without it such a directory is refused.")
    boolean append;

    @Option(names = "--warmup", paramLabel = "N", description = "Warm-up runs per attempt, 0 to 100000 (default: protocol preset).")
    Integer warmup;

    @Option(names = "--runs", paramLabel = "N", description = "Timed runs per attempt, 3 to 10000 (default: protocol preset).")
    Integer runs;

    @Option(names = "--force", description = "Write the profile even from a poor or unconverged fit (marked forced).")
    boolean force;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Progress and errors; replaceable by tests. */
    public PrintStream err = System.err;
    /** Called after each persisted measurement; tests use it to interrupt a run. */
    public MeasurementListener listener = MeasurementListener.NONE;
    /** The suite to run; null picks quick or full from {@link #quick}. */
    public CalibrationSuite suite;
    /** Backend lookup; tests substitute a fake backend. */
    public java.util.function.Function<String, Backend> backends = Backends::byName;

    @Override
    public Integer call() {
        if (plan != null) {
            return writePlan();
        }
        if (out == null || report == null) {
            return fail("missing required option" + (out == null && report == null ? "s --out and --report"
                    : out == null ? " --out" : " --report") + " (or --plan DIR)", USAGE_ERROR);
        }
        Backend b;
        ProtocolSettings settings;
        try {
            b = backends.apply(backend);
            settings = settings();
            checkOutputs();
        } catch (IllegalArgumentException e) {
            return fail(e.getMessage(), USAGE_ERROR);
        }
        if (!b.available()) {
            String reason = b.unavailableReason();
            String msg = b.name().equals("cuda")
                    ? (reason.contains("no CUDA device") ? "cuda backend: no CUDA device"
                        : "cuda backend: no CUDA device (" + reason + ")")
                    : reason;
            return fail(msg, USAGE_ERROR);
        }
        CalibrationSuite s = suite != null ? suite : quick ? CalibrationSuite.quick() : CalibrationSuite.full();
        long t0 = System.nanoTime();
        try {
            CalibrationOutcome o = new CalibrationRun(b, s, settings, quick, new ComposerBlockLatency(), err, listener,
                    null).force(force).blockTimer(b instanceof dev.dynlat.calibration.backend.CpuBackend
                            ? new dev.dynlat.predictor.calibration.NativeBlockTimer()
                            : dev.dynlat.calibration.suite.BlockTimer.NONE).run(out, report, append, null);
            err.printf(Locale.ROOT, "calibrated %s in %.1f s: held-out MdAPE operators %.1f%% (before %.1f%%), "
                    + "blocks %.1f%% (before %.1f%%); profile %s, report %s%n", o.profile().name(),
                    (System.nanoTime() - t0) * 1e-9, stat(o, false, true), stat(o, false, false), stat(o, true, true),
                    stat(o, true, false), out, report);
            err.println("speed reference: " + o.measurements().speed().describe());
            return 0;
        } catch (IllegalArgumentException e) {
            // An output that changed between the check and the run, or a raw-sample file of another layout.
            return fail(e.getMessage(), USAGE_ERROR);
        } catch (IOException | UncheckedIOException | dev.dynlat.calibration.suite.PoorFitException e) {
            return fail(e.getMessage(), RUN_ERROR);
        }
    }

    /**
     * Writes the plan of the suite that {@code calibrate} would measure (quick or full, with the same
     * protocol settings and rounds) to {@code DIR/plan.txt}; the directory is created if needed.
     */
    private int writePlan() {
        if (!"cuda".equals(backend)) {
            return fail("--plan: the plan is for the standalone CUDA benchmark; use --backend cuda, got '" + backend
                    + "'", USAGE_ERROR);
        }
        if (out != null || report != null || append || force) {
            return fail("--plan: writes only the plan; drop --out, --report, --append and --force", USAGE_ERROR);
        }
        try {
            ProtocolSettings settings = settings();
            Path dir = dev.dynlat.reports.io.OutputDirectory.check("--plan", plan);
            CalibrationSuite s = suite != null ? suite : quick ? CalibrationSuite.quick() : CalibrationSuite.full();
            dev.dynlat.calibration.plan.PlanSizing sizing = dev.dynlat.calibration.plan.PlanSizing.H100;
            dev.dynlat.calibration.plan.CalibrationPlan p = dev.dynlat.calibration.plan.CalibrationPlan.of(s, settings,
                    quick ? 1 : CalibrationRun.FULL_ROUNDS, dev.dynlat.calibration.backend.CudaBackend.TIMING_SEED,
                    sizing);
            String text = dev.dynlat.calibration.plan.PlanFormat.write(p, String.format(Locale.ROOT,
                    "dynlat calibrate --backend cuda%s --plan: the %s suite's %d operator cases (its %d blocks are"
                    + " not in a plan)%neach case's batch times a power of two (id suffix _xF): at least x%d and at"
                    + " least %s us of work at the peaks of %s, at most %d MiB per case (PlanSizing)%n"
                    + "run on the device: src/gpu/measure-on-gpu.sh PLAN_DIR OUT_DIR",
                    quick ? " --quick" : "", quick ? "quick" : "full", s.operators().size(), s.blocks().size(),
                    sizing.minFactor(), Double.toString(sizing.floorUs()), sizing.peaks().name(),
                    sizing.maxCaseBytes() >> 20));
            Path file = dir.resolve(PLAN_FILE);
            dev.dynlat.reports.io.OutputSet.write("--plan", file,
                    o -> o.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            err.printf(Locale.ROOT, "plan: %d cases, %d rounds of %d+%d runs, written to %s%n", p.cases().size(),
                    p.rounds(), settings.warmupRuns(), settings.timedRuns(), file);
            return 0;
        } catch (IllegalArgumentException e) {
            return fail(e.getMessage(), USAGE_ERROR);
        } catch (IOException e) {
            return fail(e.getMessage(), USAGE_ERROR);
        }
    }

    /** The plan's file name inside the --plan directory. */
    public static final String PLAN_FILE = "plan.txt";

    private static double stat(CalibrationOutcome o, boolean blocks, boolean after) {
        var cases = blocks ? o.blocks() : o.operators().stream().filter(c -> c.heldOut()).toList();
        var row = dev.dynlat.calibration.report.ErrorSummary.of(cases).overall();
        return (after ? row.after() : row.before()).medianApePct();
    }

    private ProtocolSettings settings() {
        ProtocolSettings base = quick ? ProtocolSettings.quick() : ProtocolSettings.full();
        int w = InputBounds.WARMUP_RUNS.check(warmup != null ? warmup : base.warmupRuns());
        int r = InputBounds.TIMED_RUNS.check(runs != null ? runs : base.timedRuns());
        return new ProtocolSettings(w, r, base.maxAttempts(), base.maxRelativeSpread());
    }

    /** Rejects outputs that cannot be written before any measurement runs (CalibrationRun checks again). */
    private void checkOutputs() {
        OutputTarget.of("--out", out);
        ReportDirectory.check("--report", report, append);
    }

    private int fail(String message, int code) {
        // The command line's error writer (as every command's errors), unless a caller replaced err.
        if (err == System.err && spec != null) {
            spec.commandLine().getErr().println("dynlat calibrate: " + message);
            spec.commandLine().getErr().flush();
        } else {
            err.println("dynlat calibrate: " + message);
        }
        return code;
    }
}
