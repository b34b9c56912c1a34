package dev.dynlat.predictor.cli;

import dev.dynlat.calibration.backend.Backend;
import dev.dynlat.calibration.backend.Backends;
import dev.dynlat.calibration.measured.Accuracy;
import dev.dynlat.calibration.measured.EvaluatedOperator;
import dev.dynlat.calibration.measured.MeasurementCalibration;
import dev.dynlat.calibration.measured.MeasurementOutcome;
import dev.dynlat.calibration.protocol.MeasurementListener;
import dev.dynlat.calibration.protocol.ProtocolSettings;
import dev.dynlat.calibration.run.CalibrationRun;
import dev.dynlat.calibration.suite.CalibrationOutcome;
import dev.dynlat.calibration.suite.CalibrationSuite;
import dev.dynlat.calibration.report.ReportDirectory;
import dev.dynlat.operators.input.InputBounds;
import dev.dynlat.reports.io.OutputTarget;
import dev.dynlat.operators.profile.CalibratedCoefficients;
import dev.dynlat.operators.profile.DeviceProfile;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dynlat calibrate}: measures the calibration suite on a backend, or reads measured operators
 * ({@code --from-measurements}), fits the calibrated model variant, and writes the profile and a
 * report. Bad input is a one-line error and exit code 2; the profile is written (atomically) only when
 * everything else succeeded.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Measure kernels and dynamic blocks (--backend), or read measured operators"
            + " (--from-measurements), fit the calibrated model, write a profile and a report.",
            "dynlat calibrate --backend cpu --out host.yaml --report host-report",
            "dynlat calibrate --from-measurements kernels/*/Tesla_T4.csv --out t4.yaml --report t4-report"})
public final class CalibrateCommand implements Callable<Integer> {
    static final int USAGE_ERROR = 2;
    static final int RUN_ERROR = 1;
    /** Other processes kept the machine busy: nothing was timed, or what was timed is not this machine's. */
    static final int MACHINE_BUSY = 3;
    /** How long a measuring run waits for a busy machine to settle before refusing, milliseconds. */
    static final long BUSY_WAIT_MS = 60_000;
    static final int MAX_FIT_ROWS_PER_CLASS = 100_000;

    @Option(names = "--backend", paramLabel = "cpu|cuda", description = "Backend to measure on.")
    String backend;

    @Option(names = "--from-measurements", arity = "1..*", paramLabel = "FILE",
            description = "Fit to these measured operators instead of measuring (NeuSight kernel CSVs, .csv or"
                    + " .csv.gz; one device). Rows of held-out shape families are never fitted.")
    List<Path> measurements;

    @Option(names = "--device", paramLabel = "NAME|FILE", description = "With --from-measurements: the base profile"
            + " (default: the built-in profile whose CUDA name is the rows' Device).")
    String device;

    @Option(names = "--transfer-from", paramLabel = "NAME|FILE",
            description = "Write --device (a GPU never measured) with the GPU library terms of this measured, calibrated"
                    + " profile, carried through the datasheets (needs --kernel-family unless --device has library terms).")
    String transferFrom;

    @Option(names = "--kernel-family", paramLabel = "maxwell|volta|ampere",
            description = "With --transfer-from: the cuBLAS/cuDNN kernels the target GPU runs.")
    String kernelFamily;

    @Option(names = "--fit-rows-per-class", paramLabel = "N",
            defaultValue = "" + MeasurementCalibration.DEFAULT_FIT_ROWS_PER_CLASS,
            description = "With --from-measurements: most rows per operator class the fit uses, 1 to 100000"
                    + " (every row is evaluated). Default: ${DEFAULT-VALUE}; for a GPU profile the library model's"
                    + " own, 250 per streaming operator and 600 per cuBLAS/cuDNN operator.")
    int fitRowsPerClass;


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

    @Option(names = "--allow-busy", description = "With --backend cpu: measure even while other processes keep a core"
            + " busy (by default calibrate waits up to 60 s for the machine to settle, then refuses with exit code 3).")
    boolean allowBusy;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Progress and errors; replaceable by tests. */
    public PrintStream err = System.err;
    /** Called after each persisted measurement; tests use it to interrupt a run. */
    public MeasurementListener listener = MeasurementListener.NONE;
    /** Reads other processes' load before and after a cpu measurement; tests substitute their own. */
    public dev.dynlat.calibration.host.QuietMachine quietMachine =
            dev.dynlat.calibration.host.QuietMachine.ofThisMachine(BUSY_WAIT_MS);
    /** The suite to run; null picks quick or full from {@link #quick}. */
    public CalibrationSuite suite;
    /** Backend lookup; tests substitute a fake backend. */
    public java.util.function.Function<String, Backend> backends = Backends::byName;

    @Override
    public Integer call() {
        if (transferFrom != null) {
            return transfer();
        }
        if (kernelFamily != null) {
            return fail("--kernel-family: only with --transfer-from", USAGE_ERROR);
        }
        if ((backend == null) == (measurements == null)) {
            return fail("give either --backend (measure here) or --from-measurements FILE... (fit to measured"
                    + " operators)", USAGE_ERROR);
        }
        if (measurements == null && device != null) {
            return fail("--device: only with --from-measurements (--backend bootstraps the device it measures)",
                    USAGE_ERROR);
        }
        if (plan != null) {
            return measurements != null ? fail("--plan: only with --backend cuda", USAGE_ERROR) : writePlan();
        }
        if (out == null || report == null) {
            return fail("missing required option" + (out == null && report == null ? "s --out and --report"
                    : out == null ? " --out" : " --report") + (measurements != null ? "" : " (or --plan DIR)"),
                    USAGE_ERROR);
        }
        if (measurements != null) {
            return fromMeasurements();
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
        CalibrationSuite s = suite != null ? suite : quick ? CalibrationSuite.quickWithBlocks()
                : CalibrationSuite.fullWithBlocks();
        BusyGuard guard;
        try {
            guard = BusyGuard.start(!allowBusy && b instanceof dev.dynlat.calibration.backend.CpuBackend,
                    quietMachine, "dynlat calibrate", err);
        } catch (dev.dynlat.calibration.host.MachineBusyException e) {
            return fail(e.getMessage(), MACHINE_BUSY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while waiting for the machine to settle", RUN_ERROR);
        }
        long t0 = System.nanoTime();
        try {
            CalibrationOutcome o = new CalibrationRun(b, s, settings, quick,
                    new dev.dynlat.calibration.suite.GraphBlockLatency(), err, listener, null).force(force).blockSequences(b instanceof dev.dynlat.calibration.backend.CpuBackend
                            ? dev.dynlat.predictor.calibration.NativeBlockSequences.of(s.blocks())
                            : java.util.Map.of()).run(out, report, append, null);
            err.printf(Locale.ROOT, "calibrated %s in %.1f s: held-out MdAPE operators %.1f%% (before %.1f%%), "
                    + "blocks %.1f%% (before %.1f%%); profile %s, report %s%n", o.profile().name(),
                    (System.nanoTime() - t0) * 1e-9, stat(o, false, true), stat(o, false, false), stat(o, true, true),
                    stat(o, true, false), out, report);
            err.println("speed reference: " + o.measurements().speed().describe());
            java.util.Optional<String> busy = guard.busySinceStart();
            if (busy.isPresent()) {
                return fail(busy.get() + "; the profile and report were written but describe a loaded machine:"
                        + " rerun when it is idle", MACHINE_BUSY);
            }
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
            CalibrationSuite s = suite != null ? suite : quick ? CalibrationSuite.quickWithBlocks()
                    : CalibrationSuite.fullWithBlocks();
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

    /**
     * {@code --transfer-from SOURCE --device TARGET --out FILE}: the target's profile with the source's
     * GPU library terms, which are fractions of datasheet peaks and times, so that the target's own
     * datasheet makes them its rates. The record says where they came from; its error is the source's.
     */
    private int transfer() {
        if (backend != null || measurements != null || plan != null || report != null || append || quick) {
            return fail("--transfer-from: give only --device TARGET, --out PROFILE.yaml and --kernel-family",
                    USAGE_ERROR);
        }
        if (device == null || out == null) {
            return fail("--transfer-from: needs --device TARGET and --out PROFILE.yaml", USAGE_ERROR);
        }
        try {
            DeviceProfile source = dev.dynlat.operators.profile.DeviceCatalog.load("--transfer-from", transferFrom);
            DeviceProfile target = dev.dynlat.operators.profile.DeviceCatalog.load("--device", device);
            var terms = source.calibrated().flatMap(CalibratedCoefficients::gpuLibrary).orElseThrow(() ->
                    new IllegalArgumentException("--transfer-from: profile '" + source.name() + "' has no gpu_library"
                            + " terms; calibrate it with --from-measurements first"));
            var family = kernelFamily != null ? dev.dynlat.operators.profile.KernelFamily.parse(kernelFamily)
                    : target.calibrated().flatMap(CalibratedCoefficients::gpuLibrary)
                            .map(dev.dynlat.operators.profile.GpuLibraryCoefficients::family)
                            .orElseThrow(() -> new IllegalArgumentException("--kernel-family: needed, '"
                                    + target.name() + "' has no gpu_library terms to take it from"));
            String sourceName = source.cudaName().orElse(source.name());
            var transferred = dev.dynlat.calibration.measured.GpuLibraryTransfer.transfer(terms, sourceName, family);
            var from = source.calibrated().orElseThrow().calibration();
            var record = new CalibratedCoefficients.CalibrationRecord(java.time.LocalDate.now().toString(),
                    target.cudaName().orElse(target.name()), "transfer", from.samples(), from.heldOutMedianApePct(),
                    "", from.configurations(), List.of(), "", from.intervalLow(), from.intervalHigh(), 0);
            DeviceProfile written = target.withCalibration(java.util.Optional.of(
                    CalibratedCoefficients.ofGpuLibrary(transferred, record)),
                    dev.dynlat.operators.profile.CalibrationProvenance.after(target.provenance(),
                            "; GPU library terms transferred from " + sourceName + " by dynlat calibrate --transfer-from"
                            + " (never measured: held_out_median_ape_pct is the source's)"));
            OutputTarget.of("--out", out);
            dev.dynlat.reports.io.OutputSet.write("--out", out, o -> o.write(
                    dev.dynlat.operators.profile.ProfileWriter.toYaml(written)
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            err.printf(Locale.ROOT, "transferred %s's GPU library terms to %s (%s kernels): %s%n", source.name(),
                    target.name(), family.id(), out);
            return 0;
        } catch (IllegalArgumentException e) {
            return fail(e.getMessage(), USAGE_ERROR);
        } catch (IOException | UncheckedIOException e) {
            return fail(e.getMessage(), RUN_ERROR);
        }
    }

    private int fromMeasurements() {
        if (append || quick || warmup != null || runs != null) {
            return fail("--append, --quick, --warmup and --runs: only with --backend (measurements are not re-run)",
                    USAGE_ERROR);
        }
        if (fitRowsPerClass < 1 || fitRowsPerClass > MAX_FIT_ROWS_PER_CLASS) {
            return fail("--fit-rows-per-class: must be 1 to " + MAX_FIT_ROWS_PER_CLASS + ", got " + fitRowsPerClass,
                    USAGE_ERROR);
        }
        long t0 = System.nanoTime();
        try {
            checkOutputs();
            MeasurementOutcome o = new MeasurementCalibrate(measurements, device, out, report, fitRowsPerClass, force,
                    err, bytes -> {
                        System.out.write(bytes);
                        System.out.flush();
                    }).run();
            List<EvaluatedOperator> held = o.operators().stream().filter(EvaluatedOperator::heldOut).toList();
            err.printf(Locale.ROOT, "calibrated %s from %d measured operators in %.1f s: held-out MdAPE %.1f%%"
                    + " (%d rows; before %.1f%%, laudnet %.1f%%, roofline %.1f%%); profile %s, report %s%n",
                    o.profile().name(), o.operators().size(), (System.nanoTime() - t0) * 1e-9, mdape(held, EvaluatedOperator::afterS),
                    held.size(), mdape(held, EvaluatedOperator::beforeS), mdape(held, EvaluatedOperator::laudnetS),
                    mdape(held, EvaluatedOperator::rooflineS), out, report);
            return 0;
        } catch (IllegalArgumentException e) {
            return fail(e.getMessage(), USAGE_ERROR);
        } catch (IOException | UncheckedIOException | dev.dynlat.calibration.suite.PoorFitException e) {
            return fail(e.getMessage(), RUN_ERROR);
        }
    }

    private static double mdape(List<EvaluatedOperator> rows,
                                java.util.function.ToDoubleFunction<EvaluatedOperator> p) {
        return Accuracy.of(rows.stream().mapToDouble(p).toArray(),
                rows.stream().mapToDouble(EvaluatedOperator::measuredS).toArray()).mdapePct();
    }

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
