package dev.dynlat.predictor.execution;

import dev.dynlat.operators.input.DecimalText;
import dev.dynlat.operators.input.InputFiles;
import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.profile.DeviceProfile;
import dev.dynlat.predictor.engine.Predictor;
import dev.dynlat.predictor.schedule.Schedule;
import dev.dynlat.predictor.dynamic.Dynamics;
import dev.dynlat.predictor.workload.NetworkZoo;
import dev.dynlat.predictor.engine.Workload;
import dev.dynlat.reports.table.Column;
import dev.dynlat.reports.table.MarkdownTableWriter;
import dev.dynlat.reports.table.Precision;
import dev.dynlat.reports.table.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Whole networks timed on a GPU by the device run ({@code src/gpu/measure-on-gpu.sh}, {@code networks.csv}:
 * PyTorch, FP32, eager and CUDA graphs) beside {@code predict} on a profile: one row per model, batch and
 * mode with measured and predicted milliseconds per batch and the error of the prediction.
 */
public final class GpuNetworkComparison {
    /** The columns the device run writes (src/gpu/time_networks.py); later columns are ignored. */
    public static final List<String> COLUMNS = List.of("device", "model", "batch", "mode", "median_ms", "p10_ms",
            "p90_ms", "repeats");

    private GpuNetworkComparison() {
    }

    /**
     * One measured configuration.
     *
     * @param device   the GPU as the CUDA runtime names it
     * @param model    the network's name in dynlat's zoo
     * @param batch    images per forward pass
     * @param mode     {@code eager} or {@code cuda-graph}
     * @param medianMs median time of one forward pass, milliseconds
     * @param p10Ms    10th percentile, milliseconds
     * @param p90Ms    90th percentile, milliseconds
     * @param repeats  timed passes
     */
    public record Measured(String device, String model, int batch, String mode, double medianMs, double p10Ms,
                           double p90Ms, int repeats) {
    }

    /** A measured configuration and its prediction (milliseconds per batch). */
    public record Compared(Measured measured, double predictedMs) {
        /** Signed error of the prediction, percent of the measured median. */
        public double errorPct() {
            return 100 * (predictedMs - measured.medianMs()) / measured.medianMs();
        }
    }

    /**
     * Reads a {@code networks.csv}.
     *
     * @throws IllegalArgumentException as {@code file:line: message} for a wrong header, a malformed row or a
     *                                  model that is not in the zoo
     */
    public static List<Measured> read(Path file) {
        List<String> lines = InputFiles.readUtf8("--gpu-networks", file).lines().toList();
        if (lines.isEmpty() || !Arrays.asList(lines.get(0).split(",", -1)).subList(0,
                Math.min(COLUMNS.size(), lines.get(0).split(",", -1).length)).equals(COLUMNS)) {
            throw new IllegalArgumentException(file + ":1: header '" + (lines.isEmpty() ? "" : lines.get(0))
                    + "' does not start with " + String.join(",", COLUMNS) + " (a device run's networks.csv)");
        }
        Set<String> zoo = new LinkedHashSet<>(NetworkZoo.NAMES);
        List<Measured> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] f = lines.get(i).split(",", -1);
            String at = file + ":" + (i + 1) + ": ";
            if (f.length < COLUMNS.size()) {
                throw new IllegalArgumentException(at + "expected at least " + COLUMNS.size() + " fields, got " + f.length);
            }
            if (!zoo.contains(f[1])) {
                throw new IllegalArgumentException(at + "model: '" + f[1] + "' is not in the zoo (dynlat models)");
            }
            try {
                Measured m = new Measured(f[0], f[1], DecimalText.parseInt("batch", f[2]), f[3],
                        positive(f[4], "median_ms"), positive(f[5], "p10_ms"), positive(f[6], "p90_ms"),
                        DecimalText.parseInt("repeats", f[7]));
                if (m.batch() < 1) {
                    throw new IllegalArgumentException("batch: must be >= 1, got " + m.batch());
                }
                rows.add(m);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(at + e.getMessage());
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(file + ": no measured networks");
        }
        return rows;
    }

    private static double positive(String text, String column) {
        if (!DecimalText.isDecimal(text)) {
            throw new IllegalArgumentException(column + ": not a number: '" + text + "'");
        }
        double v = DecimalText.parse(text);
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(column + ": must be a positive number of ms, got " + text);
        }
        return v;
    }

    /** Predicts each measured configuration (static network, the row's batch) with the profile's default variant. */
    public static List<Compared> compare(DeviceProfile profile, List<Measured> measured) {
        ModelVariant variant = Predictor.defaultVariant(profile);
        Map<String, Double> predicted = new LinkedHashMap<>();
        List<Compared> out = new ArrayList<>();
        for (Measured m : measured) {
            double ms = predicted.computeIfAbsent(m.model() + "@" + m.batch(), k -> new Predictor(profile, variant,
                    Schedule.defaults().withBatch(m.batch())).predict(new Workload(NetworkZoo.get(m.model()),
                    Dynamics.NONE)).latencyMs());
            out.add(new Compared(m, ms));
        }
        return out;
    }

    /** The comparison as Markdown: what was compared, then the table. */
    public static String markdown(DeviceProfile profile, String profileName, List<Compared> rows) {
        Table.Builder t = Table.builder().columns(Column.text("model"), Column.integer("batch", ""),
                Column.text("mode"), Column.decimal("measured", "ms", Precision.decimalPlaces(3)),
                Column.decimal("p10-p90", "ms", Precision.decimalPlaces(3)),
                Column.decimal("predicted", "ms", Precision.decimalPlaces(3)),
                Column.decimal("error", "%", Precision.decimalPlaces(1)));
        for (Compared c : rows) {
            Measured m = c.measured();
            t.row(m.model(), (long) m.batch(), m.mode(), m.medianMs(), m.p90Ms() - m.p10Ms(), c.predictedMs(),
                    c.errorPct());
        }
        Set<String> devices = new LinkedHashSet<>();
        rows.forEach(c -> devices.add(c.measured().device()));
        double mdape = CaseResult.median(rows.stream().mapToDouble(c -> Math.abs(c.errorPct())).toArray());
        return String.format(Locale.ROOT, "# Whole networks: measured on the GPU vs predicted%n%n"
                + "Measured on %s (PyTorch, FP32, TF32 off, random weights; median of the timed passes, milliseconds"
                + " per batch). Predicted by `dynlat predict` on profile `%s` (%s, variant %s), static networks at the"
                + " row's batch. Error = (predicted - measured) / measured. Median absolute error over the %d rows:"
                + " %.1f%%.%n%n", String.join(", ", devices), profileName, profile.name(),
                Predictor.defaultVariant(profile).id(), rows.size(), mdape)
                + new MarkdownTableWriter().render(t.build());
    }
}
