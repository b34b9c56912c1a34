package dev.dynlat.calibration.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Measures configurations the way JMH does: warm up, time a batch of runs, and judge the batch
 * by its spread. A batch ("attempt") whose relative spread exceeds the threshold is repeated, up
 * to {@link ProtocolSettings#maxAttempts()}; when every attempt is noisy the measurement is
 * returned <em>flagged</em> rather than silently used.
 *
 * <p>Not thread-safe by design: measurements must not overlap on the same device anyway.
 */
public final class MeasurementProtocol {

    private final ProtocolSettings settings;

    public MeasurementProtocol(ProtocolSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public ProtocolSettings settings() {
        return settings;
    }

    /**
     * Measures one configuration.
     *
     * @throws InvalidSampleException when the timed code returns the wrong number of samples or
     *                                a sample that is not finite and &gt; 0 seconds
     */
    public Measurement measure(String key, TimedRun timed) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(timed, "timed");
        List<List<Double>> attempts = new ArrayList<>();
        int best = -1;
        double bestSpread = Double.POSITIVE_INFINITY;
        for (int attempt = 0; attempt < settings.maxAttempts(); attempt++) {
            double[] samples = timed.run(settings.warmupRuns(), settings.timedRuns());
            validate(key, attempt, samples);
            attempts.add(boxed(samples));
            double spread = SampleStats.relativeSpread(samples);
            if (spread < bestSpread) {
                bestSpread = spread;
                best = attempt;
            }
            if (spread <= settings.maxRelativeSpread()) {
                return summarize(key, attempts, attempt, samples, false, "");
            }
        }
        double[] bestSamples = unboxed(attempts.get(best));
        String reason = String.format(Locale.ROOT,
                "all %d attempts exceeded the relative spread threshold %.3f; lowest spread %.3f (attempt %d)",
                attempts.size(), settings.maxRelativeSpread(), bestSpread, best);
        return summarize(key, attempts, best, bestSamples, true, reason);
    }

    /**
     * Measures the tasks in order, calling {@code listener} after each one so that progress can
     * be shown and raw samples persisted before the next (possibly crashing) configuration runs.
     * An exception from a task or the listener stops the batch and propagates.
     */
    public List<Measurement> measureAll(List<MeasurementTask> tasks, MeasurementListener listener) {
        Objects.requireNonNull(tasks, "tasks");
        Objects.requireNonNull(listener, "listener");
        List<Measurement> results = new ArrayList<>(tasks.size());
        int total = tasks.size();
        for (MeasurementTask task : tasks) {
            Measurement m = measure(task.key(), task.run());
            results.add(m);
            listener.onMeasured(m, results.size(), total);
        }
        return List.copyOf(results);
    }

    private void validate(String key, int attempt, double[] samples) {
        if (samples == null || samples.length != settings.timedRuns()) {
            throw new InvalidSampleException(String.format(Locale.ROOT,
                    "key %s attempt %d: expected %d timed samples, got %s",
                    key, attempt, settings.timedRuns(), samples == null ? "null" : samples.length));
        }
        for (int i = 0; i < samples.length; i++) {
            double s = samples[i];
            if (!Double.isFinite(s) || s <= 0) {
                throw new InvalidSampleException(String.format(Locale.ROOT,
                        "key %s attempt %d sample %d: duration must be finite and > 0 s, got %s",
                        key, attempt, i, s));
            }
        }
    }

    private static Measurement summarize(String key, List<List<Double>> attempts, int reported,
                                         double[] samples, boolean flagged, String reason) {
        return new Measurement(key, attempts, reported, SampleStats.median(samples),
                SampleStats.relativeSpread(samples), SampleStats.min(samples), flagged, reason);
    }

    private static List<Double> boxed(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double v : values) {
            list.add(v);
        }
        return list;
    }

    private static double[] unboxed(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
