package dev.dynlat.calibration.suite;

import dev.dynlat.calibration.backend.Backend;
import dev.dynlat.calibration.kernel.KernelSpec;
import dev.dynlat.calibration.protocol.Measurement;
import dev.dynlat.calibration.protocol.MeasurementListener;
import dev.dynlat.calibration.protocol.MeasurementProtocol;
import dev.dynlat.calibration.protocol.MeasurementTask;
import dev.dynlat.calibration.protocol.RawSampleCsv;
import dev.dynlat.calibration.protocol.SampleStats;
import dev.dynlat.calibration.protocol.TimedRun;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Measures every case of a suite with the {@link MeasurementProtocol}, appending each measurement's raw
 * samples to the CSV (flushed per measurement) before printing progress and calling the caller's
 * listener, so an interruption at any point leaves every finished measurement on disk.
 *
 * <p>Blocks are timed as native sequences where a {@link BlockSequence} is given for them (the cpu
 * backend: the block lowered as a prediction lowers it and run by the network runner); else as
 * the sum of their kernels' per-run times: for timed run {@code i} the block sample is
 * {@code Σ weight × t_kernel[i]}, each kernel timed by its own native call.
 *
 * <p>Measurements still flagged after the protocol's attempts are measured once more in a second pass
 * (after everything else, when the disturbance may have passed); the steadier of the two is used.
 */
public final class SuiteMeasurer {
    private static final long SHUFFLE_SEED = 20261122L;

    /** Key columns of the raw-sample CSV. */
    public static final List<String> CSV_KEYS = List.of("case", "group", "pass");

    private final Backend backend;
    private final MeasurementProtocol protocol;
    private final PrintStream progress;
    private final MeasurementListener listener;
    private final KernelSpec reference;
    private Map<String, BlockSequence> blockSequences = Map.of();

    public SuiteMeasurer(Backend backend, MeasurementProtocol protocol, PrintStream progress,
                         MeasurementListener listener) {
        this(backend, protocol, progress, listener, null);
    }

    /**
     * With a {@code reference} kernel, that kernel is timed just before every measurement; the
     * machine's speed drifts (a shared host swings by tens of percent within seconds), and the
     * ratio of the typical reference time to the one seen next to a measurement corrects it.
     */
    public SuiteMeasurer(Backend backend, MeasurementProtocol protocol, PrintStream progress,
                         MeasurementListener listener, KernelSpec reference) {
        this.reference = reference;
        this.backend = Objects.requireNonNull(backend, "backend");
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Times the blocks whose keys {@code sequences} holds as those native sequences, the rest as sums of kernels. */
    public SuiteMeasurer withBlockSequences(Map<String, BlockSequence> sequences) {
        this.blockSequences = Map.copyOf(sequences);
        return this;
    }

    public SuiteMeasurements measure(CalibrationSuite suite, RawSampleCsv csv) {
        return measure(suite, csv, 1);
    }

    /**
     * Measures every configuration in {@code rounds} rounds over the whole suite and keeps, per
     * configuration, the median of the round medians. Within a round the runs are close in time
     * and agree well; between rounds the machine's state (clock, co-runners) drifts, so spreading
     * the rounds out in time is what makes the result reproducible from one calibration to the
     * next, as JMH's forks do.
     */
    public SuiteMeasurements measure(CalibrationSuite suite, RawSampleCsv csv, int rounds) {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be >= 1, got " + rounds);
        }
        long t0 = System.nanoTime();
        Map<String, String> groups = new LinkedHashMap<>();
        Map<String, String> labels = new HashMap<>();
        List<MeasurementTask> tasks = new ArrayList<>();
        Map<String, Double> referenceNextTo = new HashMap<>();
        for (OperatorCase c : suite.operators()) {
            groups.put(c.key(), c.group());
            labels.put(c.key(), c.label());
            tasks.add(new MeasurementTask(c.key(), withReference(c.key(), (w, n) -> backend.time(c.kernel(), w, n),
                    referenceNextTo)));
        }
        for (BlockCase b : suite.blocks()) {
            groups.put(b.key(), b.group());
            labels.put(b.key(), b.label());
            BlockSequence sequence = blockSequences.get(b.key());
            tasks.add(new MeasurementTask(b.key(), withReference(b.key(), sequence != null ? sequence.timedRun()
                    : blockRun(b),
                    referenceNextTo)));
        }
        Map<String, List<Double>> referencesByKey = new HashMap<>();
        Map<String, List<Measurement>> byKey = new LinkedHashMap<>();
        int reruns = 0;
        for (int round = 1; round <= rounds; round++) {
            if (rounds > 1) {
                progress.println("round " + round + " of " + rounds);
            }
            String pass = round == 1 ? "1" : "round" + round;
            String again = round == 1 ? "2" : "round" + round + "-again";
            // Operators and blocks are interleaved in a seeded order that changes per round, so a
            // drift of the machine's speed during the run biases neither the fitted operators nor
            // the evaluated blocks.
            List<MeasurementTask> order = new ArrayList<>(tasks);
            java.util.Collections.shuffle(order, new java.util.Random(SHUFFLE_SEED + round));
            Round measured = measureRound(order, csv, groups, labels, pass, again);
            reruns += measured.reruns();
            measured.byKey().forEach((k, m) -> byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(m));
            referenceNextTo.forEach((k, r) -> referencesByKey.computeIfAbsent(k, x -> new ArrayList<>()).add(r));
            referenceNextTo.clear();
        }
        Map<String, Measurement> combined = new LinkedHashMap<>();
        byKey.forEach((k, ms) -> combined.put(k, ms.size() == 1 ? ms.get(0) : medianOfRounds(k, ms)));
        int flagged = (int) combined.values().stream().filter(Measurement::flagged).count();
        Map<String, Double> correction = reference == null ? Map.of()
                : speedCorrection(byKey, referencesByKey, combined);
        SpeedReadings speed = new SpeedReadings(referencesByKey.values().stream().flatMap(List::stream).toList());
        return new SuiteMeasurements(combined, reruns, flagged, (System.nanoTime() - t0) * 1e-9, correction, speed);
    }

    /** A timed run that first times the reference kernel and records its median next to the key. */
    private TimedRun withReference(String key, TimedRun run, Map<String, Double> referenceNextTo) {
        if (reference == null) {
            return run;
        }
        return (warmup, runs) -> {
            referenceNextTo.put(key, SpeedReference.timeS(backend, reference));
            return run.run(warmup, runs);
        };
    }

    /**
     * Per case: the median over rounds of the round median scaled by (typical reference time /
     * reference time next to it), divided by the plain median, so that {@code medianS × factor}
     * is the speed-corrected median.
     */
    static Map<String, Double> speedCorrection(Map<String, List<Measurement>> rounds,
                                               Map<String, List<Double>> references,
                                               Map<String, Measurement> combined) {
        double typical = typicalReference(references);
        Map<String, Double> factors = new HashMap<>();
        rounds.forEach((key, ms) -> {
            List<Double> refs = references.get(key);
            if (refs == null || refs.size() != ms.size()) {
                return;
            }
            double[] corrected = new double[ms.size()];
            for (int i = 0; i < corrected.length; i++) {
                corrected[i] = ms.get(i).medianS() * typical / refs.get(i);
            }
            factors.put(key, SampleStats.median(corrected) / combined.get(key).medianS());
        });
        return factors;
    }

    /** The median of every reference reading of the run: the machine's typical speed, seconds. */
    static double typicalReference(Map<String, List<Double>> references) {
        return SampleStats.median(references.values().stream().flatMap(List::stream)
                .mapToDouble(Double::doubleValue).toArray());
    }

    /** The measurements of one round and how many were measured again. */
    private record Round(Map<String, Measurement> byKey, int reruns) {
    }

    private Round measureRound(List<MeasurementTask> tasks, RawSampleCsv csv,
                                                  Map<String, String> groups, Map<String, String> labels,
                                                  String pass, String againPass) {
        List<Measurement> first = protocol.measureAll(tasks, listener(csv, groups, labels, pass));
        Map<String, Measurement> byKey = new LinkedHashMap<>();
        List<MeasurementTask> again = new ArrayList<>();
        for (int i = 0; i < first.size(); i++) {
            Measurement m = first.get(i);
            byKey.put(m.key(), m);
            if (m.flagged()) {
                again.add(tasks.get(i));
            }
        }
        if (!again.isEmpty()) {
            progress.println("re-measuring " + again.size() + " flagged configuration(s)");
            for (Measurement m : protocol.measureAll(again, listener(csv, groups, labels, againPass))) {
                Measurement old = byKey.get(m.key());
                if (!m.flagged() || m.spread() < old.spread()) {
                    byKey.put(m.key(), m);
                }
            }
        }
        return new Round(byKey, again.size());
    }

    /**
     * One measurement from several rounds: all their samples, the median of the round medians,
     * the median of their spreads; flagged only when most rounds were.
     */
    static Measurement medianOfRounds(String key, List<Measurement> rounds) {
        double[] medians = rounds.stream().mapToDouble(Measurement::medianS).sorted().toArray();
        double median = SampleStats.median(medians);
        double spread = SampleStats.median(rounds.stream().mapToDouble(Measurement::spread).toArray());
        List<List<Double>> samples = new ArrayList<>();
        int reported = 0;
        double closest = Double.POSITIVE_INFINITY;
        for (Measurement m : rounds) {
            if (Math.abs(m.medianS() - median) < closest) {
                closest = Math.abs(m.medianS() - median);
                reported = samples.size() + m.reportedAttempt();
            }
            samples.addAll(m.samplesS());
        }
        double min = rounds.stream().mapToDouble(Measurement::minS).min().orElse(median);
        long flaggedRounds = rounds.stream().filter(Measurement::flagged).count();
        boolean flagged = flaggedRounds * 2 > rounds.size();
        return new Measurement(key, samples, reported, median, spread, min, flagged,
                flagged ? flaggedRounds + " of " + rounds.size() + " rounds over the spread threshold" : "");
    }

    private MeasurementListener listener(RawSampleCsv csv, Map<String, String> groups, Map<String, String> labels,
                                         String pass) {
        MeasurementListener persist = (m, done, total) -> {
            try {
                csv.append(List.of(m.key(), groups.get(m.key()), pass), m);
            } catch (IOException e) {
                throw new UncheckedIOException("could not append raw samples of " + m.key(), e);
            }
        };
        MeasurementListener show = (m, done, total) -> progress.println(
                ProgressLine.format(done, total, labels.get(m.key()), m));
        return persist.andThen(show).andThen(listener);
    }

    /** Sum of the weighted per-run kernel times of a block. */
    TimedRun blockRun(BlockCase b) {
        return (warmup, runs) -> {
            double[] total = new double[runs];
            for (BlockStep step : b.steps()) {
                double[] t = backend.time(step.kernel(), warmup, runs);
                for (int i = 0; i < runs; i++) {
                    total[i] += step.weight() * t[i];
                }
            }
            return total;
        };
    }
}
