package dev.dynlat.predictor.cli;

import dev.dynlat.calibration.backend.Backend;
import dev.dynlat.calibration.backend.Backends;
import dev.dynlat.calibration.protocol.MeasurementListener;
import dev.dynlat.calibration.protocol.ProtocolSettings;
import dev.dynlat.calibration.suite.CalibrationOutcome;
import dev.dynlat.calibration.suite.CalibrationRun;
import dev.dynlat.calibration.suite.CalibrationSuite;
import dev.dynlat.predictor.calibration.ComposerBlockLatency;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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

    @Option(names = "--quick", description = "Smaller suite and shorter protocol (about 2 minutes on 2 cores).")
    boolean quick;

    @Option(names = "--out", required = true, paramLabel = "PROFILE.yaml", description = "Calibrated profile to write.")
    Path out;

    @Option(names = "--report", required = true, paramLabel = "DIR",
            description = "Directory for report.md, charts and raw-samples.csv.")
    Path report;

    @Option(names = "--warmup", paramLabel = "N", description = "Warm-up runs per attempt (default: protocol preset).")
    Integer warmup;

    @Option(names = "--runs", paramLabel = "N", description = "Timed runs per attempt, >= 3 (default: protocol preset).")
    Integer runs;

    @Option(names = "--force", description = "Write the profile even from a poor or unconverged fit (marked forced).")
    boolean force;

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
                    null).force(force).run(out, report);
            err.printf(Locale.ROOT, "calibrated %s in %.1f s: held-out MdAPE operators %.1f%% (before %.1f%%), "
                    + "blocks %.1f%% (before %.1f%%); profile %s, report %s%n", o.profile().name(),
                    (System.nanoTime() - t0) * 1e-9, stat(o, false, true), stat(o, false, false), stat(o, true, true),
                    stat(o, true, false), out, report);
            return 0;
        } catch (IOException | UncheckedIOException | dev.dynlat.calibration.suite.PoorFitException e) {
            return fail(e.getMessage(), RUN_ERROR);
        }
    }

    private static double stat(CalibrationOutcome o, boolean blocks, boolean after) {
        var cases = blocks ? o.blocks() : o.operators().stream().filter(c -> c.heldOut()).toList();
        var row = dev.dynlat.calibration.report.ErrorSummary.of(cases).overall();
        return (after ? row.after() : row.before()).medianApePct();
    }

    private ProtocolSettings settings() {
        ProtocolSettings base = quick ? ProtocolSettings.quick() : ProtocolSettings.full();
        int w = warmup != null ? warmup : base.warmupRuns();
        int r = runs != null ? runs : base.timedRuns();
        if (w < 0) {
            throw new IllegalArgumentException("--warmup must be >= 0, got " + w);
        }
        if (r < ProtocolSettings.MIN_TIMED_RUNS) {
            throw new IllegalArgumentException("--runs must be >= " + ProtocolSettings.MIN_TIMED_RUNS + ", got " + r);
        }
        return new ProtocolSettings(w, r, base.maxAttempts(), base.maxRelativeSpread());
    }

    /** Rejects outputs that cannot be written before any measurement runs. */
    private void checkOutputs() {
        Path dir = report.toAbsolutePath();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--report " + report + " is a file, not a directory");
        }
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
            throw new IllegalArgumentException("--report " + report + " cannot be created (no writable parent)");
        }
        Path profile = out.toAbsolutePath();
        if (Files.isDirectory(profile)) {
            throw new IllegalArgumentException("--out " + out + " is a directory");
        }
        Path parent = profile.getParent();
        while (parent != null && !Files.exists(parent)) {
            parent = parent.getParent();
        }
        if (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)) {
            throw new IllegalArgumentException("--out " + out + " cannot be created (no writable parent directory)");
        }
        if (Files.exists(profile) && !Files.isWritable(profile)) {
            throw new IllegalArgumentException("--out " + out + " is not writable");
        }
    }

    private int fail(String message, int code) {
        err.println("dynlat calibrate: " + message);
        return code;
    }
}
