package dev.dynlat.predictor.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynlat.predictor.distribution.DecisionReport;
import dev.dynlat.predictor.distribution.Histogram;
import dev.dynlat.predictor.distribution.LatencyDistribution;
import dev.dynlat.reports.chart.Axis;
import dev.dynlat.reports.chart.BarComponent;
import dev.dynlat.reports.chart.StepChartSpec;
import dev.dynlat.reports.table.Column;
import dev.dynlat.reports.table.CsvTableWriter;
import dev.dynlat.reports.table.MarkdownTableWriter;
import dev.dynlat.reports.table.Precision;
import dev.dynlat.reports.table.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Output of a {@link DecisionReport}: per-exit latency, the per-input distribution (statistics
 * and histogram) and the batched runtime, as text tables, JSON fields, CSV rows or a histogram
 * chart. Latencies in milliseconds.
 */
public final class DecisionFormatter {
    /** Histogram bins of every output. */
    public static final int BINS = 20;
    private static final Precision MS = Precision.decimalPlaces(4);
    private static final double[] QUANTILES = {0.5, 0.9, 0.99};

    private DecisionFormatter() {
    }

    private static String exitLabel(DecisionReport r, int e) {
        return r.cumulativeMs().length == 1 && r.cumulativeBatch1Ms().length == 1 ? "end" : "exit " + (e + 1);
    }

    /** Text tables. */
    public static String table(DecisionReport r) {
        StringBuilder sb = new StringBuilder();
        Table.Builder exits = Table.builder().columns(Column.text("exit"),
                Column.decimal("latency", "ms/batch", MS), Column.decimal("per image", "ms", MS),
                Column.decimal("batch 1", "ms", MS), Column.decimal("this step", "ms/batch", MS),
                Column.decimal("this step, batch 1", "ms", MS));
        double[] c = r.cumulativeMs();
        double[] one = r.cumulativeBatch1Ms();
        for (int e = 0; e < c.length; e++) {
            exits.row(exitLabel(r, e), c[e], c[e] / r.batch(), one[e], c[e] - (e == 0 ? 0 : c[e - 1]),
                    one[e] - (e == 0 ? 0 : one[e - 1]));
        }
        sb.append(c.length == 1 ? "\nlatency with every block run:\n"
                : "\nlatency of an input that leaves at each exit (cumulative, every decided block run):\n");
        sb.append(new MarkdownTableWriter().render(exits.build()));
        LatencyDistribution d = r.perInput();
        sb.append(String.format(Locale.ROOT, "%nper-input latency at batch 1, %s:%n"
                        + "mean %.4f ms, std %.4f ms, min %.4f ms, p50 %.4f ms, p90 %.4f ms, p99 %.4f ms, max %.4f ms%n",
                d.method(), d.mean(), d.stdMs(), d.min(), d.quantile(0.5), d.quantile(0.9), d.quantile(0.99), d.max()));
        Histogram h = d.histogram(BINS);
        Table.Builder bins = Table.builder().columns(Column.decimal("from", "ms", MS), Column.decimal("to", "ms", MS),
                Column.decimal("inputs", "%", Precision.decimalPlaces(2)));
        for (int i = 0; i < h.bins(); i++) {
            bins.row(h.lowerEdgeMs(i), h.widthMs() == 0 ? h.lowMs() : h.upperEdgeMs(i), 100 * h.probability()[i]);
        }
        sb.append(new MarkdownTableWriter().render(bins.build()));
        if (r.batched() != null) {
            DecisionReport.Batched b = r.batched();
            sb.append(String.format(Locale.ROOT, "%nbatch %d: each input's own path %.4f ms per image; batched runtime"
                            + " %.4f ms per image (%+.1f%%): exited inputs leave the batch, a decided block runs"
                            + " for the batch when any present input keeps it%n", r.batch(), b.ownPathMs(),
                    b.batchedMs(), 100 * (b.batchedMs() / b.ownPathMs() - 1)));
            if (b.distribution() != null) {
                LatencyDistribution bd = b.distribution();
                sb.append(String.format(Locale.ROOT, "per-image latency over batches: p50 %.4f ms, p90 %.4f ms,"
                        + " p99 %.4f ms (%s)%n", bd.quantile(0.5), bd.quantile(0.9), bd.quantile(0.99), bd.method()));
            }
        }
        return sb.toString();
    }

    /** Adds a {@code decisions} object to a prediction's JSON. */
    public static void json(ObjectNode root, DecisionReport r) {
        ObjectNode n = root.putObject("decisions");
        ArrayNode exits = n.putArray("exits");
        double[] c = r.cumulativeMs();
        double[] one = r.cumulativeBatch1Ms();
        for (int e = 0; e < c.length; e++) {
            ObjectNode x = exits.addObject();
            x.put("exit", exitLabel(r, e));
            x.put("cumulative_latency_ms", c[e]);
            x.put("cumulative_latency_per_image_ms", c[e] / r.batch());
            x.put("cumulative_latency_batch1_ms", one[e]);
            x.put("step_latency_ms", c[e] - (e == 0 ? 0 : c[e - 1]));
            x.put("step_latency_batch1_ms", one[e] - (e == 0 ? 0 : one[e - 1]));
        }
        distribution(n.putObject("per_input_batch1"), r.perInput());
        if (r.batched() != null) {
            ObjectNode b = n.putObject("batched");
            b.put("batch", r.batch());
            b.put("own_path_per_image_ms", r.batched().ownPathMs());
            b.put("batched_runtime_per_image_ms", r.batched().batchedMs());
            if (r.batched().distribution() != null) {
                distribution(b.putObject("per_image_over_batches"), r.batched().distribution());
            }
        }
    }

    private static void distribution(ObjectNode n, LatencyDistribution d) {
        n.put("method", d.method());
        n.put("mean_ms", d.mean());
        n.put("std_ms", d.stdMs());
        n.put("min_ms", d.min());
        for (double q : QUANTILES) {
            n.put("p" + Math.round(q * 100) + "_ms", d.quantile(q));
        }
        n.put("max_ms", d.max());
        Histogram h = d.histogram(BINS);
        ArrayNode bins = n.putArray("histogram");
        for (int i = 0; i < h.bins(); i++) {
            ObjectNode b = bins.addObject();
            b.put("from_ms", h.lowerEdgeMs(i));
            b.put("to_ms", h.widthMs() == 0 ? h.lowMs() : h.upperEdgeMs(i));
            b.put("probability", h.probability()[i]);
        }
    }

    /** CSV: one row per exit, statistic and histogram bin ({@code section} says which). */
    public static String csv(String model, String device, DecisionReport r) {
        Table.Builder t = Table.builder().columns(Column.text("model"), Column.text("device"),
                Column.integer("batch", ""), Column.text("section"), Column.text("name"), Column.decimal("from_ms", ""),
                Column.decimal("to_ms", ""), Column.decimal("latency_ms", ""), Column.decimal("probability", ""));
        double[] c = r.cumulativeMs();
        double[] one = r.cumulativeBatch1Ms();
        long b = r.batch();
        for (int e = 0; e < c.length; e++) {
            t.row(model, device, b, "exit", exitLabel(r, e), null, null, c[e], null);
            t.row(model, device, 1L, "exit", exitLabel(r, e), null, null, one[e], null);
        }
        LatencyDistribution d = r.perInput();
        List<Object[]> stats = new ArrayList<>();
        stats.add(new Object[] {"mean", d.mean()});
        stats.add(new Object[] {"min", d.min()});
        for (double q : QUANTILES) {
            stats.add(new Object[] {"p" + Math.round(q * 100), d.quantile(q)});
        }
        stats.add(new Object[] {"max", d.max()});
        for (Object[] s : stats) {
            t.row(model, device, 1L, "distribution", s[0], null, null, s[1], null);
        }
        Histogram h = d.histogram(BINS);
        for (int i = 0; i < h.bins(); i++) {
            t.row(model, device, 1L, "histogram", "bin " + (i + 1), h.lowerEdgeMs(i),
                    h.widthMs() == 0 ? h.lowMs() : h.upperEdgeMs(i), null, h.probability()[i]);
        }
        if (r.batched() != null) {
            t.row(model, device, b, "batched", "own path per image", null, null, r.batched().ownPathMs(), null);
            t.row(model, device, b, "batched", "batched runtime per image", null, null, r.batched().batchedMs(), null);
        }
        return new CsvTableWriter().render(t.build());
    }

    /**
     * Per-input latency at batch 1 where it falls: a stem at each latency that occurs (an exit,
     * a policy) as tall as its share of inputs, under the cumulative share. Equal-width bins named
     * by their edges would spread a few exit latencies over many empty bins.
     */
    public static StepChartSpec distributionChart(String title, DecisionReport r) {
        List<LatencyDistribution.Atom> atoms = r.perInput().atoms();
        double[] values = atoms.stream().mapToDouble(LatencyDistribution.Atom::latencyMs).toArray();
        double[] shares = atoms.stream().mapToDouble(LatencyDistribution.Atom::probability).toArray();
        return new StepChartSpec(title, new Axis("latency per input", "ms"), values, shares);
    }
}
