package dev.dynlat.calibration.suite;

import dev.dynlat.calibration.backend.Backend;
import dev.dynlat.calibration.protocol.Measurement;
import dev.dynlat.calibration.protocol.MeasurementListener;
import dev.dynlat.calibration.protocol.MeasurementProtocol;
import dev.dynlat.calibration.protocol.MeasurementTask;
import dev.dynlat.calibration.protocol.RawSampleCsv;
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
 * <p>Blocks are timed as the sum of their kernels' per-run times: for timed run {@code i} the block
 * sample is {@code Σ weight × t_kernel[i]}, each kernel timed by its own native call with the same
 * warm-up and run count (the native backends have no fused multi-kernel sequence call).
 *
 * <p>Measurements still flagged after the protocol's attempts are measured once more in a second pass
 * (after everything else, when the disturbance may have passed); the steadier of the two is used.
 */
public final class SuiteMeasurer {
    /** Key columns of the raw-sample CSV. */
    public static final List<String> CSV_KEYS = List.of("case", "group", "pass");

    private final Backend backend;
    private final MeasurementProtocol protocol;
    private final PrintStream progress;
    private final MeasurementListener listener;

    public SuiteMeasurer(Backend backend, MeasurementProtocol protocol, PrintStream progress,
                         MeasurementListener listener) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    public SuiteMeasurements measure(CalibrationSuite suite, RawSampleCsv csv) {
        long t0 = System.nanoTime();
        Map<String, String> groups = new LinkedHashMap<>();
        Map<String, String> labels = new HashMap<>();
        List<MeasurementTask> tasks = new ArrayList<>();
        for (OperatorCase c : suite.operators()) {
            groups.put(c.key(), c.group());
            labels.put(c.key(), c.label());
            tasks.add(new MeasurementTask(c.key(), (w, n) -> backend.time(c.kernel(), w, n)));
        }
        for (BlockCase b : suite.blocks()) {
            groups.put(b.key(), b.group());
            labels.put(b.key(), b.label());
            tasks.add(new MeasurementTask(b.key(), blockRun(b)));
        }
        List<Measurement> first = protocol.measureAll(tasks, listener(csv, groups, labels, "1"));
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
            for (Measurement m : protocol.measureAll(again, listener(csv, groups, labels, "2"))) {
                Measurement old = byKey.get(m.key());
                if (!m.flagged() || m.spread() < old.spread()) {
                    byKey.put(m.key(), m);
                }
            }
        }
        int flagged = (int) byKey.values().stream().filter(Measurement::flagged).count();
        return new SuiteMeasurements(byKey, again.size(), flagged, (System.nanoTime() - t0) * 1e-9);
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
