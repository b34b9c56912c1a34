package dev.dynlat.predictor.execution;

import dev.dynlat.predictor.workload.InputShape;
import dev.dynlat.calibration.backend.Backend;
import dev.dynlat.calibration.model.KernelSpecMapper;
import dev.dynlat.calibration.model.MappedOperator;
import dev.dynlat.calibration.model.RooflineBaseline;
import dev.dynlat.calibration.network.NativeNetwork;
import dev.dynlat.calibration.network.NetworkProgram;
import dev.dynlat.calibration.network.OutputCheck;
import dev.dynlat.calibration.network.ProgramStep;
import dev.dynlat.calibration.network.ReferenceExecutor;
import dev.dynlat.calibration.protocol.Measurement;
import dev.dynlat.calibration.protocol.MeasurementProtocol;
import dev.dynlat.calibration.protocol.ProtocolSettings;
import dev.dynlat.calibration.protocol.RawSampleCsv;
import dev.dynlat.calibration.protocol.SampleStats;
import dev.dynlat.calibration.protocol.TimedRun;
import dev.dynlat.calibration.suite.SpeedReadings;
import dev.dynlat.calibration.suite.SpeedReference;
import dev.dynlat.operators.cost.CostModels;
import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.profile.DeviceProfile;
import dev.dynlat.predictor.engine.OperatorPrediction;
import dev.dynlat.predictor.engine.Prediction;
import dev.dynlat.predictor.engine.Predictor;
import dev.dynlat.predictor.engine.StagePrediction;
import dev.dynlat.predictor.execution.onnx.OnnxExport;
import dev.dynlat.predictor.execution.onnx.OrtEngine;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Runs whole networks end to end and compares them with the calibrated prediction, plus the frozen
 * operator set. For every configuration, first the output at the size timed is checked element by
 * element against the Java reference (at batch 8 the first image, whose masks and decisions a
 * batch-1 program of the same seed reproduces exactly); only then is it timed, in {@code rounds}
 * rounds over all configurations in a seeded order that changes per round, each round a protocol
 * measurement (warm-up, timed runs, spread threshold, repeats, flags) with the drift-reference
 * kernel timed just before it.
 *
 * <p>Cold versus warm: a timed run is one inference after warm-up inferences of the same program.
 * Activations are reused buffers as in an inference engine; the weights (ResNet-50: 102 MB) far
 * exceed the caches, so every inference streams them from DRAM. The model prices each operator's
 * data by its own footprint (on chip while it fits the last-level cache) and so leaves out the
 * stream of a whole network's weights; the report lists that time per network. Nothing here may be
 * used to tune the model: the held-out configurations never steer it.
 */
public final class NetworkValidation {
    /** Seed of inputs, weights, masks and the round order. */
    public static final long SEED = 20261202L;
    /** Threads of ONNX Runtime: as many as the OpenMP threads of our kernels (one per core). */
    static final int THREADS = Runtime.getRuntime().availableProcessors();

    private final DeviceProfile profile;
    private final Backend backend;
    private final MeasurementProtocol protocol;
    private final int rounds;
    private final PrintStream progress;
    /** Reference outputs by batch-1 configuration: a batch-8 check reuses its batch-1 twin's. */
    private final Map<String, float[]> expectedOutputs = new java.util.HashMap<>();
    /** Each configuration's program, built once (checked, timed every round, exported to ONNX). */
    private final Map<String, NetworkProgram> programs = new java.util.HashMap<>();

    public NetworkValidation(DeviceProfile profile, Backend backend, ProtocolSettings settings, int rounds,
                             PrintStream progress) {
        this.profile = profile;
        this.backend = backend;
        this.protocol = new MeasurementProtocol(settings);
        this.rounds = rounds;
        this.progress = progress;
    }

    /**
     * Everything measured: the networks, the frozen operators, one per-stage breakdown.
     *
     * @param typicalReferenceS the speed-reference time that drift-corrected figures are brought to:
     *                          the calibration's ({@code calibration.speed_reference_us}) when the
     *                          profile records it, else this run's median reading, seconds
     * @param runSpeed          this run's readings of the speed reference
     * @param atCalibrationSpeed whether {@code typicalReferenceS} is the calibration's
     */
    public record Outcome(List<CaseResult> networks, List<CaseResult> frozen, StageBreakdown stages,
                          double typicalReferenceS, double seconds, List<CaseResult> onnxRuntime,
                          SpeedReadings runSpeed, boolean atCalibrationSpeed) {
        public Outcome(List<CaseResult> networks, List<CaseResult> frozen, StageBreakdown stages,
                       double typicalReferenceS, double seconds) {
            this(networks, frozen, stages, typicalReferenceS, seconds, List.of(),
                    new SpeedReadings(List.of(typicalReferenceS)), false);
        }

        /** This run's median reading of the speed reference, seconds. */
        public double runReferenceS() {
            return runSpeed.medianS();
        }

        /** What the drift-corrected figures mean, for reports. */
        public String correctionBasis() {
            return atCalibrationSpeed
                    ? String.format(Locale.ROOT, "drift-corrected to the calibration's speed (speed reference %.1f µs"
                    + " at calibration, median %.1f µs in this run)", typicalReferenceS * 1e6, runReferenceS() * 1e6)
                    : String.format(Locale.ROOT, "drift-corrected to this run's typical speed (speed reference median"
                    + " %.1f µs; the profile records no calibration speed)", runReferenceS() * 1e6);
        }
    }

    /** Key of the ONNX Runtime measurement of a dense configuration. */
    public static String ortKey(String key) {
        return "onnxruntime " + key;
    }

    /** Per-stage measured (step timers summed by stage) and predicted latency of one configuration. */
    public record StageBreakdown(String key, List<String> stages, double[] measuredMs, double[] predictedMs) {
    }

    public Outcome run(List<ValidationCase> cases, List<FrozenTestSet.Entry> frozen, RawSampleCsv csv) {
        long t0 = System.nanoTime();
        Map<String, ValidationCase> byKey = new LinkedHashMap<>();
        Map<String, OutputCheck> checks = new LinkedHashMap<>();
        for (ValidationCase c : cases) {
            byKey.put(c.key(), c);
            checks.put(c.key(), check(c));
        }
        Map<String, TimedRun> runs = new LinkedHashMap<>();
        Map<String, String> groups = new LinkedHashMap<>();
        for (ValidationCase c : cases) {
            if (checks.get(c.key()).passed()) {
                runs.put(c.key(), networkRun(c));
                groups.put(c.key(), c.dynamic() ? "network-dynamic" : "network-static");
            }
        }
        Map<String, OutputCheck> ortChecks = new LinkedHashMap<>();
        for (ValidationCase c : cases) {
            if (!c.dynamic() && checks.get(c.key()).passed()) {
                byte[] model = onnxModel(c);
                ortChecks.put(c.key(), checkOrt(c, model));
                runs.put(ortKey(c.key()), ortRun(c, model));
                groups.put(ortKey(c.key()), "onnxruntime");
            }
        }
        for (FrozenTestSet.Entry e : frozen) {
            runs.put(e.key(), (w, n) -> backend.time(e.kernel(), w, n));
            groups.put(e.key(), "frozen-" + e.group());
        }
        Map<String, List<Measurement>> measured = new LinkedHashMap<>();
        Map<String, List<Double>> references = new LinkedHashMap<>();
        List<String> order = new ArrayList<>(runs.keySet());
        int total = order.size() * rounds;
        int done = 0;
        for (int round = 1; round <= rounds; round++) {
            Collections.shuffle(order, new Random(SEED + round));
            for (String key : order) {
                double ref = SpeedReference.timeS(backend);
                Measurement m = protocol.measure(key, runs.get(key));
                measured.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
                references.computeIfAbsent(key, k -> new ArrayList<>()).add(ref);
                append(csv, key, groups.get(key), round, ref, m);
                done++;
                progress.printf(Locale.ROOT, "[%3d/%d] round %d %s ... %.3f ms ±%.1f%%%s%n", done, total, round, key,
                        m.medianS() * 1e3, m.spread() * 100, m.flagged() ? " (noisy, flagged)" : "");
            }
        }
        SpeedReadings runSpeed = new SpeedReadings(references.values().stream().flatMap(List::stream).toList());
        double runTypical = runSpeed.medianS();
        var record = profile.calibrated().get().calibration();
        boolean atCalibration = record.hasSpeedReference();
        double typical = atCalibration ? record.speedReferenceUs() * 1e-6 : runTypical;
        List<CaseResult> nets = new ArrayList<>();
        for (ValidationCase c : cases) {
            Prediction p = predict(c);
            List<Measurement> ms = measured.getOrDefault(c.key(), List.of());
            CaseResult r = result(c.key(), groups.getOrDefault(c.key(), "network-failed"), c.batch(),
                    checks.get(c.key()), ms, references.getOrDefault(c.key(), List.of()), p.latencyMs() * 1e-3,
                    roofline(p));
            double weightS = programOf(c).weightFloats() * 4.0 / (profile.laudnet().dramBandwidthGBps() * 1e9);
            nets.add(new CaseResult(r.key(), r.group(), r.batch(), r.check(), r.roundMediansS(), r.referenceS(),
                    r.spread(), r.flagged(), r.predictedS(), r.rooflineS(), weightS));
        }
        List<CaseResult> ops = new ArrayList<>();
        for (FrozenTestSet.Entry e : frozen) {
            MappedOperator mo = KernelSpecMapper.map(e.kernel());
            double predicted = new CostModels(DeviceModel.of(profile, ModelVariant.CALIBRATED, mo.batch()))
                    .cost(mo.spec()).latencyS();
            ops.add(result(e.key(), groups.get(e.key()), mo.batch(), null, measured.get(e.key()),
                    references.get(e.key()), predicted, roofline().predictSeconds(e.kernel())));
        }
        List<CaseResult> ort = new ArrayList<>();
        ortChecks.forEach((key, check) -> ort.add(result(ortKey(key), "onnxruntime", byKey.get(key).batch(), check,
                measured.get(ortKey(key)), references.get(ortKey(key)), Double.NaN, Double.NaN)));
        StageBreakdown stages = cases.isEmpty() || !checks.get(cases.get(0).key()).passed() ? null
                : stages(cases.get(0));
        return new Outcome(nets, ops, stages, typical, (System.nanoTime() - t0) * 1e-9, ort, runSpeed,
                atCalibration);
    }

    private static CaseResult result(String key, String group, int batch, OutputCheck check, List<Measurement> ms,
                                     List<Double> refs, double predictedS, double rooflineS) {
        List<Double> medians = ms.stream().map(Measurement::medianS).toList();
        double spread = ms.isEmpty() ? Double.NaN
                : SampleStats.median(ms.stream().mapToDouble(Measurement::spread).toArray());
        boolean flagged = ms.stream().filter(Measurement::flagged).count() * 2 > ms.size();
        return new CaseResult(key, group, batch, check, medians, refs, spread, flagged, predictedS, rooflineS);
    }

    private static void append(RawSampleCsv csv, String key, String group, int round, double ref, Measurement m) {
        try {
            csv.append(List.of(key, group, Integer.toString(round), String.format(Locale.ROOT, "%.9e", ref)), m);
        } catch (IOException e) {
            throw new UncheckedIOException("could not append raw samples of " + key, e);
        }
    }

    /** Key columns of the raw-sample CSV; {@code reference_s} is the drift-correction input. */
    public static final List<String> CSV_KEYS = List.of("case", "group", "round", "reference_s");

    /** The program of {@code c} as it is timed. */
    public static NetworkProgram program(ValidationCase c) {
        return ProgramBuilder.build(c.key(), c.workload(), c.batch(), SEED);
    }

    /**
     * Checks the output of the timed program against the Java reference: the whole output at
     * batch 1, the first image at larger batches (the batch-1 program of the same seed draws the
     * same masks, kept channels and skipped blocks for image 0).
     */
    public OutputCheck check(ValidationCase c) {
        NetworkProgram timed = programOf(c);
        // the batch-1 program of the same seed: the first image of a larger batch, and shared by both batches
        ValidationCase single = c.withBatch(1);
        float[] expected = expectedOutputs.computeIfAbsent(single.key(), k -> {
            NetworkProgram p = c.batch() == 1 ? timed : programOf(single);
            return ReferenceExecutor.run(p)[p.output()];
        });
        float[] actual;
        try (NativeNetwork n = NativeNetwork.load(timed)) {
            n.run();
            actual = Arrays.copyOf(n.buffer(timed.output()), expected.length);
        }
        OutputCheck result = OutputCheck.compare(actual, expected);
        progress.printf(Locale.ROOT, "checked %s at the timed size: %s%n", c.key(),
                result.passed() ? "ok (" + result.elements() + " outputs)" : "FAILED: " + result.describe());
        return result;
    }

    /** The program of {@code c}, built on first use and kept for the run. */
    private NetworkProgram programOf(ValidationCase c) {
        return programs.computeIfAbsent(c.key(), k -> program(c));
    }

    /** The network input's shape, N × C × H × W (C from the input buffer's length). */
    private long[] inputShape(ValidationCase c) {
        NetworkProgram p = programOf(c);
        InputShape.Image image = (InputShape.Image) c.workload().network().input();
        long channels = p.bufferLengths().get(p.inputs().get(0)) / ((long) c.batch() * image.height() * image.width());
        return new long[] {c.batch(), channels, image.height(), image.width()};
    }

    private byte[] onnxModel(ValidationCase c) {
        long[] shape = inputShape(c);
        return OnnxExport.export(programOf(c), Math.toIntExact(shape[1]), Math.toIntExact(shape[2]),
                Math.toIntExact(shape[3]));
    }

    private OrtEngine ortEngine(ValidationCase c, byte[] model) {
        return new OrtEngine(model, programOf(c).inputValues(0), inputShape(c), THREADS);
    }

    /** ONNX Runtime's output of the same network and weights against the same Java reference. */
    private OutputCheck checkOrt(ValidationCase c, byte[] model) {
        float[] expected = expectedOutputs.get(c.withBatch(1).key());
        float[] actual;
        try (OrtEngine e = ortEngine(c, model)) {
            actual = Arrays.copyOf(e.run(), expected.length);
        }
        OutputCheck result = OutputCheck.compare(actual, expected);
        progress.printf(Locale.ROOT, "checked onnxruntime on %s: %s%n", c.key(),
                result.passed() ? "ok, same outputs as ours" : "differs: " + result.describe());
        return result;
    }

    private TimedRun ortRun(ValidationCase c, byte[] model) {
        return (warmup, runs) -> {
            try (OrtEngine e = ortEngine(c, model)) {
                return e.time(warmup, runs);
            }
        };
    }

    private TimedRun networkRun(ValidationCase c) {
        NetworkProgram program = programOf(c);
        return (warmup, runs) -> {
            try (NativeNetwork n = NativeNetwork.load(program)) {
                return n.time(warmup, runs);
            }
        };
    }

    private Prediction predict(ValidationCase c) {
        return new Predictor(profile, ModelVariant.CALIBRATED, ProgramBuilder.SCHEDULE.withBatch(c.batch()))
                .predict(c.workload());
    }

    /** Probed FMA peak, FLOP/s (the profile's analytic constants are the probes'). */
    private double peakFlops() {
        var k = profile.laudnet();
        return 2.0 * k.processingEngines() * k.fp32LanesPerEngine() * k.clockMHz() * 1e6;
    }

    private RooflineBaseline roofline() {
        return new RooflineBaseline(peakFlops(), profile.laudnet().dramBandwidthGBps() * 1e9, 0);
    }

    /** Σ over the lowered operators of max(peak-FMA compute time, DRAM time), seconds. */
    private double roofline(Prediction p) {
        double peak = peakFlops();
        double bw = profile.laudnet().dramBandwidthGBps() * 1e9;
        double s = 0;
        for (OperatorPrediction o : p.allOperators()) {
            s += Math.max(2 * o.macs() / peak, o.dramBytes() / bw);
        }
        return s;
    }

    private StageBreakdown stages(ValidationCase c) {
        NetworkProgram program = programOf(c);
        double[] perStep;
        int runs = 5;
        try (NativeNetwork n = NativeNetwork.load(program)) {
            n.time(2, 3);
            perStep = n.profile(runs);
        }
        Prediction p = predict(c);
        List<String> names = p.stages().stream().map(StagePrediction::name).toList();
        double[] measured = new double[names.size()];
        for (int i = 0; i < perStep.length; i++) {
            ProgramStep s = program.steps().get(i);
            String stage = s.group().substring(0, s.group().indexOf('/'));
            measured[names.indexOf(stage)] += perStep[i] / runs * 1e3;
        }
        double[] predicted = p.stages().stream().mapToDouble(StagePrediction::latencyMs).toArray();
        return new StageBreakdown(c.key(), names, measured, predicted);
    }
}
