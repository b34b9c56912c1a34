package dev.dynlat.calibration.run;

import dev.dynlat.calibration.backend.Backend;
import dev.dynlat.calibration.fit.FitResult;
import dev.dynlat.calibration.fit.HeldOutSplit;
import dev.dynlat.calibration.fit.LogErrorFitter;
import dev.dynlat.calibration.fit.MultiStartFitter;
import dev.dynlat.calibration.fit.Observation;
import dev.dynlat.calibration.host.PeakProbes;
import dev.dynlat.calibration.model.AnalyticLatencyModel;
import dev.dynlat.calibration.model.CoefficientLayout;
import dev.dynlat.calibration.model.MappedOperator;
import dev.dynlat.calibration.model.RooflineBaseline;
import dev.dynlat.calibration.protocol.Measurement;
import dev.dynlat.calibration.protocol.MeasurementListener;
import dev.dynlat.calibration.protocol.MeasurementProtocol;
import dev.dynlat.calibration.protocol.ProtocolSettings;
import dev.dynlat.calibration.protocol.RawSampleCsv;
import dev.dynlat.calibration.report.CalibrationReport;
import dev.dynlat.calibration.report.RawSampleSummary;
import dev.dynlat.calibration.report.ReportDirectory;
import dev.dynlat.calibration.suite.BlockCase;
import dev.dynlat.calibration.suite.BlockLatencyModel;
import dev.dynlat.calibration.suite.BlockSequence;
import dev.dynlat.calibration.suite.BlockStep;
import dev.dynlat.calibration.suite.BootstrappedDevice;
import dev.dynlat.calibration.suite.CalibrationOutcome;
import dev.dynlat.calibration.suite.CalibrationSuite;
import dev.dynlat.calibration.suite.DeviceBootstraps;
import dev.dynlat.calibration.suite.EvaluatedCase;
import dev.dynlat.calibration.suite.FitPlan;
import dev.dynlat.calibration.suite.FitQuality;
import dev.dynlat.calibration.suite.InterruptNotice;
import dev.dynlat.calibration.suite.OperatorCase;
import dev.dynlat.calibration.suite.PoorFitException;
import dev.dynlat.calibration.suite.SpeedReference;
import dev.dynlat.calibration.suite.SuiteMeasurements;
import dev.dynlat.calibration.suite.SuiteMeasurer;
import dev.dynlat.operators.cost.CostModels;
import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.profile.CalibratedCoefficients;
import dev.dynlat.operators.profile.DeviceKind;
import dev.dynlat.operators.profile.DeviceProfile;
import dev.dynlat.operators.profile.OperatorClass;
import dev.dynlat.operators.profile.ProfileWriter;
import dev.dynlat.reports.io.OutputSet;
import dev.dynlat.reports.io.OutputTarget;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A whole calibration: probe the host, bootstrap its profile, measure the suite (raw samples to
 * {@code raw-samples.csv} as they come), fit the calibrated variant on a held-out split of the
 * operators, evaluate operators and blocks before / after / against the roofline, write the report,
 * and last of all write the report and the profile together ({@link OutputSet}). Every output is
 * checked before anything is measured. An exception at any step leaves the raw samples written so
 * far and no profile; an interruption (SIGINT) says how many configurations were kept
 * ({@link InterruptNotice}).
 */
public final class CalibrationRun {
    public static final String RAW_SAMPLES = ReportDirectory.RAW_SAMPLES;
    /** Fraction of each operator class held out of the fit. */
    public static final double HELD_OUT_FRACTION = 0.3;

    /** Rounds over the whole suite in a full run (one in a quick run); see SuiteMeasurer. */
    public static final int FULL_ROUNDS = 5;

    private final Backend backend;
    private final CalibrationSuite suite;
    private final ProtocolSettings settings;
    private final boolean quick;
    private final BlockLatencyModel blockModel;
    private final PrintStream progress;
    private final MeasurementListener listener;
    private final Supplier<BootstrappedDevice> device;
    private boolean force;
    private Map<String, BlockSequence> blockSequences = Map.of();

    /** Time the blocks whose keys {@code sequences} holds as those native sequences instead of summing kernels. */
    public CalibrationRun blockSequences(Map<String, BlockSequence> sequences) {
        this.blockSequences = Map.copyOf(sequences);
        return this;
    }

    /** Write the profile even from a poor or unconverged fit, marked {@code forced} with the reason. */
    public CalibrationRun force(boolean f) {
        this.force = f;
        return this;
    }

    /**
     * @param probes   peak probes of a CPU device to use; null bootstraps the backend's own device
     *                 ({@link DeviceBootstraps#forBackend}: host CPU probes, or CUDA attributes and GPU probes)
     * @param listener called after each measurement was persisted (progress hooks, tests)
     */
    public CalibrationRun(Backend backend, CalibrationSuite suite, ProtocolSettings settings, boolean quick,
                          BlockLatencyModel blockModel, PrintStream progress, MeasurementListener listener,
                          Supplier<PeakProbes> probes) {
        this(probes == null
                ? () -> DeviceBootstraps.forBackend(backend.name()).bootstrap(backend, quick)
                : () -> DeviceBootstraps.hostCpu(backend.name(), probes.get()),
                backend, suite, settings, quick, blockModel, progress, listener);
    }

    /** A run on an already bootstrapped device (e.g. a recorded GPU with a scripted backend in tests). */
    public static CalibrationRun onDevice(Supplier<BootstrappedDevice> device, Backend backend,
                                          CalibrationSuite suite, ProtocolSettings settings, boolean quick,
                                          BlockLatencyModel blockModel, PrintStream progress,
                                          MeasurementListener listener) {
        return new CalibrationRun(device, backend, suite, settings, quick, blockModel, progress, listener);
    }

    private CalibrationRun(Supplier<BootstrappedDevice> device, Backend backend, CalibrationSuite suite,
                           ProtocolSettings settings, boolean quick, BlockLatencyModel blockModel,
                           PrintStream progress, MeasurementListener listener) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.suite = Objects.requireNonNull(suite, "suite");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.quick = quick;
        this.blockModel = Objects.requireNonNull(blockModel, "blockModel");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.device = Objects.requireNonNull(device, "device");
    }

    /** A run into a fresh report directory, with a run id from the clock. */
    public CalibrationOutcome run(Path profileOut, Path reportDir) throws IOException {
        return run(profileOut, reportDir, false, null);
    }

    /**
     * Checks every output before measuring (the profile path, the report directory and the report's
     * files), measures with the raw samples appended as they come, then prepares the report and the
     * profile and commits them together.
     *
     * @param append whether a report directory that holds an earlier run may be reused; the raw
     *     samples of each run carry its run id, and report.md describes the latest run
     * @param runId the id in every raw-sample row of this run; null derives one from the UTC clock
     * @throws dev.dynlat.reports.io.OutputPathException before any measurement, for an unusable output
     */
    public CalibrationOutcome run(Path profileOut, Path reportDir, boolean append, String runId) throws IOException {
        try (OutputSet outputs = new OutputSet()) {
            OutputTarget profile = outputs.add("--out", profileOut);
            Path dir = ReportDirectory.check("--report", reportDir, append);
            Files.createDirectories(dir);
            CalibrationReport.ReportTargets report = CalibrationReport.add(outputs, dir);
            Path rawPath = dir.resolve(RAW_SAMPLES);
            CalibrationOutcome outcome;
            RawSampleSummary raw;
            try (InterruptNotice notice = InterruptNotice.install(progress, rawPath);
                 RawSampleCsv csv = RawSampleCsv.open(rawPath, SuiteMeasurer.CSV_KEYS,
                         runId != null ? runId : clockRunId())) {
                outcome = measureAndFit(csv, notice.counting(listener));
                raw = new RawSampleSummary(csv.runId(), csv.rowsWritten(), csv.previousRows(),
                        List.copyOf(csv.previousRuns()));
            }
            CalibrationReport.prepare(outcome, raw, outputs, report);
            boolean refused = !outcome.fit().usable() && !force;
            if (!refused) {
                outputs.prepareText(profile, ProfileWriter.toYaml(outcome.profile()));
            }
            outputs.commit(bytes -> {
                System.out.write(bytes);
                System.out.flush();
            });
            if (refused) {
                throw new PoorFitException("fit " + outcome.fit().status().name().toLowerCase(Locale.ROOT) + ": "
                        + outcome.fit().reason() + "; no profile written (report in " + reportDir
                        + "; --force writes it marked as forced)");
            }
            return outcome;
        }
    }

    private static String clockRunId() {
        return DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC)
                .format(Instant.now());
    }

    private CalibrationOutcome measureAndFit(RawSampleCsv csv, MeasurementListener counted) {
        long t0 = System.nanoTime();
        progress.println("probing " + backend.deviceDescription() + " ...");
        BootstrappedDevice bootstrapped = device.get();
        PeakProbes p = bootstrapped.probes();
        double probeSeconds = (System.nanoTime() - t0) * 1e-9;
        if (!bootstrapped.probeDetails().isEmpty()) {
            progress.println(bootstrapped.probeDetails());
        }
        DeviceProfile host = bootstrapped.profile();
        progress.printf(java.util.Locale.ROOT,
                "peak %.1f GFLOP/s, stream %.1f GB/s, cache %.1f GB/s, call %.2f us on %d %s%n",
                p.fmaFlopsPerS() / 1e9, p.dramBytesPerS() / 1e9, p.cacheBytesPerS() / 1e9, p.emptyCallS() * 1e6,
                p.cores(), host.kind() == DeviceKind.GPU ? "SMs" : "cores");
        SuiteMeasurements measured = new SuiteMeasurer(backend, new MeasurementProtocol(settings), progress,
                counted, SpeedReference.KERNEL).withBlockSequences(blockSequences).measure(suite, csv, quick ? 1 : FULL_ROUNDS);
        progress.println("fitting " + suite.operators().size() + " operator configurations ...");
        return evaluate(p, host, measured, probeSeconds);
    }

    CalibrationOutcome evaluate(PeakProbes p, DeviceProfile host, SuiteMeasurements measured, double probeSeconds) {
        long t0 = System.nanoTime();
        List<Observation<MappedOperator>> observations = new ArrayList<>();
        Map<String, OperatorCase> cases = new HashMap<>();
        for (OperatorCase c : suite.operators()) {
            Measurement m = measured.get(c.key());
            observations.add(new Observation<>(c.key(), c.group(), c.operator(), measured.correctedMedianS(c.key()),
                    m.spread()));
            cases.put(c.key(), c);
        }
        HeldOutSplit<MappedOperator> split = HeldOutSplit.of(observations, HELD_OUT_FRACTION);
        Set<String> classes = new HashSet<>();
        split.fitSet().forEach(o -> classes.add(o.payload().operatorClass()));
        FitPlan plan = FitPlan.forKind(host.kind());
        progress.println("fitting " + plan.model());
        CoefficientLayout layout = plan.layout(classes);
        AnalyticLatencyModel model = new AnalyticLatencyModel(host, layout);
        FitResult fit = new MultiStartFitter(new LogErrorFitter()).fit(model, split, plan.starts());
        double[] params = layout.vector(fit.fittedParams());

        RooflineBaseline roofline = new RooflineBaseline(p.fmaFlopsPerS(), p.dramBytesPerS(), p.emptyCallS());
        Map<Integer, CostModels> before = new HashMap<>();
        Set<String> heldOut = new HashSet<>();
        split.heldOutSet().forEach(o -> heldOut.add(o.key()));
        List<EvaluatedCase> ops = new ArrayList<>();
        for (Observation<MappedOperator> o : observations) {
            MappedOperator op = o.payload();
            double b = before.computeIfAbsent(op.batch(), n -> new CostModels(DeviceModel.of(host, ModelVariant.LAUDNET,
                    n))).cost(op.spec()).latencyS();
            double a = model.predictSeconds(params, op);
            ops.add(new EvaluatedCase(o.key(), o.group(), o.measuredS(), o.spread(), b, a,
                    roofline.predictSeconds(cases.get(o.key()).kernel()), heldOut.contains(o.key())));
        }
        double heldOutMdape = fit.heldOutAfter().overall().medianApePct();
        double[] band = FitQuality.interval(fit);
        CalibratedCoefficients.CalibrationRecord record = new CalibratedCoefficients.CalibrationRecord(
                LocalDate.now().toString(), p.cpuModel(), backend.name(), measured.sampleCount(),
                Double.isFinite(heldOutMdape) ? heldOutMdape : 0, p.isa(), measured.byKey().size(),
                FitQuality.atBound(model.parameters(), fit), fit.usable() || !force ? "" : fit.reason(), band[0],
                band[1], Double.isFinite(measured.typicalReferenceS()) ? measured.typicalReferenceS() * 1e6 : 0);
        DeviceProfile calibrated = new DeviceProfile(host.name(), host.displayName(), host.kind(), host.datasheet(),
                host.laudnet(), Optional.of(layout.coefficients(params, record)), host.provenance()
                + "; calibrated by dynlat calibrate (" + backend.name() + (quick ? ", quick suite" : "") + ")");

        List<EvaluatedCase> blocks = new ArrayList<>();
        for (BlockCase b : suite.blocks()) {
            Measurement m = measured.get(b.key());
            double roof = 0;
            for (BlockStep s : b.steps()) {
                roof += s.weight() * roofline.predictSeconds(s.kernel());
            }
            blocks.add(new EvaluatedCase(b.key(), b.group(), measured.correctedMedianS(b.key()), m.spread(),
                    blockModel.predictSeconds(b, host, ModelVariant.LAUDNET),
                    blockModel.predictSeconds(b, calibrated, ModelVariant.CALIBRATED), roof, true));
        }
        return new CalibrationOutcome(p, host, calibrated, fit, ops, blocks, measured, backend.name(), quick,
                probeSeconds, (System.nanoTime() - t0) * 1e-9);
    }
}
