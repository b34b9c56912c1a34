package dev.dynlat.predictor.sweep;

import dev.dynlat.reports.chart.Axis;
import dev.dynlat.reports.chart.BarComponent;
import dev.dynlat.reports.chart.HeatmapChartSpec;
import dev.dynlat.reports.chart.HistogramChartSpec;
import dev.dynlat.predictor.format.DisplayNames;
import dev.dynlat.reports.chart.LineChartSpec;
import dev.dynlat.reports.chart.PanelChartSpec;
import dev.dynlat.reports.chart.ReferenceLine;
import dev.dynlat.reports.chart.Series;
import dev.dynlat.reports.chart.StackedBarChartSpec;
import dev.dynlat.reports.table.Column;
import dev.dynlat.reports.table.Precision;
import dev.dynlat.reports.table.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The figures and tables of {@code dynlat report} for one target and paradigm of a sweep. Only
 * reads rows; all latencies are shown per image (milliseconds), as papers compare them.
 */
public final class SweepFigures {
    private static final int MAX_CURVES = 6;
    /** The envelope series: the fastest configuration at each rate. */
    static final String BEST = "best per stage";
    private final SweepResults results;
    private final String paradigm;
    private final List<SweepResults.Row> rows;
    private final double[] rates;
    private final double rate;

    /**
     * @param paradigm the paradigm to draw (null: the first in the file)
     * @param targetRate the rate of the heatmap and breakdown; the nearest swept rate is used
     */
    public SweepFigures(SweepResults results, String paradigm, double targetRate) {
        this.results = results;
        List<String> paradigms = results.paradigms();
        if (paradigms.isEmpty()) {
            throw new IllegalArgumentException("from: the results hold only the static network of " + results.model());
        }
        if (paradigm != null && !paradigms.contains(paradigm)) {
            throw new IllegalArgumentException("paradigm: '" + paradigm + "' is not in the results; they hold "
                    + String.join(", ", paradigms));
        }
        this.paradigm = paradigm == null ? paradigms.get(0) : paradigm;
        this.rows = results.rows().stream().filter(r -> r.paradigm().equals(this.paradigm)).toList();
        this.rates = rows.stream().mapToDouble(SweepResults.Row::rate).distinct().sorted().toArray();
        double nearest = rates[0];
        for (double r : rates) {
            if (Math.abs(r - targetRate) < Math.abs(nearest - targetRate)) {
                nearest = r;
            }
        }
        this.rate = nearest;
    }

    public String paradigm() {
        return paradigm;
    }

    /** The swept rate the heatmap and breakdown use. */
    public double rate() {
        return rate;
    }

    private String what() {
        return paradigm.equals("spatial") ? "S" : paradigm.equals("channel") ? "G" : "";
    }

    /** The target in readable names; titles join their parts with ", " and break only there. */
    private String subject() {
        return DisplayNames.model(results.model()) + " on " + DisplayNames.device(results.device()) + ", batch "
                + results.batch();
    }

    private double perImage(double ms) {
        return ms / results.batch();
    }

    /**
     * Latency per image against rate: one curve per uniform option (every stage at the same value,
     * an S capped at a stage's map as the flag-form sweep caps it), the best per-stage combination,
     * and the static network as a reference line.
     */
    public LineChartSpec latencyVsRate() {
        return curves(1, "latency per image", "ms", perImage(results.staticRow().latencyMs()), "static")
                .withTitle(subject() + ", " + paradigm);
    }

    /**
     * The curves of {@link #latencyVsRate()} scaled by {@code 1 / divisor} of the per-image
     * latency, with the static network as a reference line at {@code reference}.
     */
    private LineChartSpec curves(double divisor, String yLabel, String yUnit, double reference, String refLabel) {
        Map<String, List<SweepResults.Row>> byOption = new LinkedHashMap<>();
        for (SweepResults.Row r : rows) {
            byOption.computeIfAbsent(r.option(), k -> new ArrayList<>()).add(r);
        }
        List<Series> series = new ArrayList<>();
        for (String option : curveOptions(byOption.keySet())) {
            List<SweepResults.Row> rs = byOption.get(option);
            series.add(Series.of(option, rs.stream().mapToDouble(SweepResults.Row::rate)
                    .toArray(), rs.stream().mapToDouble(r -> perImage(r.latencyMs()) / divisor).toArray()));
        }
        if (byOption.size() > 1) {
            double[] best = new double[rates.length];
            for (int i = 0; i < rates.length; i++) {
                best[i] = perImage(fastestAt(rates[i]).latencyMs()) / divisor;
            }
            series.add(Series.of(BEST, rates, best));
        }
        LineChartSpec spec = LineChartSpec.of("", new Axis("activation rate", ""), new Axis(yLabel, yUnit), series)
                .withReferenceLine(new ReferenceLine(reference, refLabel))
                .withLegendTitle(what().isEmpty() ? paradigm : what() + " per stage");
        return byOption.size() > 1 ? spec.withEnvelopes(Set.of(BEST)) : spec;
    }

    /**
     * Latency relative to the static network against rate, one panel per target, side by side on
     * one axis: where a dynamic network pays off differs between devices, and between models.
     *
     * @param facet   what differs between the panels: the device or the model
     * @param targets the figures of each target, same paradigm, same model (device facet) or
     *                device (model facet); panels in this order
     */
    public static PanelChartSpec relativeLatencyAcross(SweepFacet facet, List<SweepFigures> targets) {
        List<LineChartSpec> panels = new ArrayList<>();
        for (SweepFigures f : targets) {
            double staticPerImage = f.perImage(f.results.staticRow().latencyMs());
            panels.add(f.curves(staticPerImage, "latency / static", "", 1, "static")
                    .withTitle(facet.panelTitle(f.results)));
        }
        SweepFigures first = targets.get(0);
        return new PanelChartSpec(facet.sharedTitle(first.results) + ", " + first.paradigm,
                new Axis("latency / static", ""), panels, first.what().isEmpty() ? first.paradigm
                : first.what() + " per stage");
    }

    private List<String> curveOptions(Set<String> options) {
        if (what().isEmpty()) {
            return List.copyOf(options);
        }
        int n = results.stages();
        List<TreeSet<Integer>> perStage = new ArrayList<>();
        TreeSet<Integer> all = new TreeSet<>();
        for (int s = 0; s < n; s++) {
            TreeSet<Integer> values = new TreeSet<>();
            for (SweepResults.Row r : rows) {
                values.add(r.stageOption(s));
            }
            perStage.add(values);
            all.addAll(values);
        }
        List<String> out = new ArrayList<>();
        for (int v : all) {
            StringBuilder sb = new StringBuilder();
            boolean uniform = true;
            for (int s = 0; s < n && uniform; s++) {
                TreeSet<Integer> values = perStage.get(s);
                // The flag form's uniform option v: v in every stage, an S above a stage's largest
                // value capped there (its map); a stage that lacks v otherwise has no uniform v.
                Integer pick = values.contains(v) ? Integer.valueOf(v)
                        : paradigm.equals("spatial") && v > values.last() ? values.last() : null;
                uniform = pick != null;
                sb.append(s == 0 ? "" : "-").append(pick);
            }
            String label = sb.toString();
            if (uniform && options.contains(label) && !out.contains(label) && out.size() < MAX_CURVES) {
                out.add(label);
            }
        }
        return out;
    }

    /**
     * Speedup of every stage over its static form at {@link #rate()}, per option value: a stage's
     * latency depends only on its own option, so any row with that value in that stage gives it.
     */
    public HeatmapChartSpec speedupHeatmap() {
        requireOptions("a stage x option heatmap");
        int n = results.stages();
        TreeSet<Integer> values = new TreeSet<>();
        for (SweepResults.Row r : rows) {
            for (int s = 0; s < n; s++) {
                values.add(r.stageOption(s));
            }
        }
        List<Integer> rowValues = List.copyOf(values);
        double[][] cells = new double[rowValues.size()][n];
        SweepResults.Row dense = results.staticRow();
        for (double[] row : cells) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        for (SweepResults.Row r : rows) {
            if (r.rate() != rate) {
                continue;
            }
            for (int s = 0; s < n; s++) {
                int i = rowValues.indexOf(r.stageOption(s));
                if (Double.isNaN(cells[i][s])) {
                    cells[i][s] = dense.stageMs()[s] / r.stageMs()[s];
                }
            }
        }
        List<String> columns = new ArrayList<>();
        for (int s = 1; s <= n; s++) {
            columns.add("stage " + s);
        }
        return new HeatmapChartSpec(String.format(Locale.ROOT, "%s, rate %.2f", subject(), rate),
                Axis.of("residual stage"), Axis.of(paradigm.equals("spatial") ? "granularity S" : "channel group G"),
                new Axis("speedup over static", "x"), columns, rowValues.stream().map(String::valueOf).toList(), cells,
                1.0);
    }

    /** Per-stage latency by operator role of the fastest configuration at {@link #rate()}. */
    public StackedBarChartSpec stageBreakdown() {
        SweepResults.Row best = fastestAt(rate);
        int n = best.stageMs().length;
        List<String> categories = new ArrayList<>();
        for (int s = 1; s <= n; s++) {
            categories.add("stage " + s);
        }
        List<BarComponent> parts = new ArrayList<>();
        for (int role = 0; role < results.roles().size(); role++) {
            double[] v = new double[n];
            boolean any = false;
            for (int s = 0; s < n; s++) {
                v[s] = perImage(best.stageRoleMs()[s][role]);
                any |= v[s] > 0;
            }
            if (any) {
                parts.add(new BarComponent(results.roles().get(role), v));
            }
        }
        String option = what().isEmpty() ? paradigm : what() + "=" + best.option();
        return new StackedBarChartSpec(String.format(Locale.ROOT, "%s, rate %.2f, %s", subject(), rate, option),
                Axis.of("residual stage"), new Axis("latency per image", "ms"), categories, parts)
                .withLegendTitle("operator role");
    }

    /** Latency per image over every configuration of every paradigm, static as a guide. */
    public HistogramChartSpec latencyHistogram() {
        List<Series> samples = new ArrayList<>();
        for (String p : results.paradigms()) {
            double[] v = results.rows().stream().filter(r -> r.paradigm().equals(p))
                    .mapToDouble(r -> perImage(r.latencyMs())).toArray();
            samples.add(HistogramChartSpec.sample(p, v));
        }
        int total = samples.stream().mapToInt(Series::size).sum();
        int bins = Math.max(10, Math.min(60, (int) Math.round(Math.sqrt(total))));
        return new HistogramChartSpec(subject() + ", all configurations", new Axis("latency per image", "ms"),
                samples, bins, List.of(new ReferenceLine(perImage(results.staticRow().latencyMs()), "static")),
                "paradigm");
    }

    /**
     * {@link #summary()} narrowed to one column of a paper: rate, the fastest configuration, its
     * latency and its speedup.
     */
    public Table summaryColumn() {
        Table full = summary();
        List<Column> keep = full.columns().subList(0, 4);
        Table.Builder t = Table.builder().columns(keep.toArray(new Column[0]));
        for (int r = 0; r < full.rowCount(); r++) {
            t.row(full.row(r).subList(0, 4));
        }
        return t.build();
    }

    /** Per rate: the fastest configuration, its latency and speedup, and the fastest uniform one. */
    public Table summary() {
        Precision ms = Precision.decimalPlaces(4);
        Table.Builder t = Table.builder().columns(Column.decimal("rate", "", Precision.decimalPlaces(2)),
                Column.text("best " + (what().isEmpty() ? "option" : what() + " per stage")),
                Column.decimal("latency", "ms/image", ms), Column.decimal("speedup", "x", Precision.decimalPlaces(3)),
                Column.text("best uniform"), Column.decimal("uniform latency", "ms/image", ms));
        List<String> uniform = curveOptions(new java.util.HashSet<>(rows.stream().map(SweepResults.Row::option)
                .toList()));
        for (double at : rates) {
            SweepResults.Row best = fastestAt(at);
            List<SweepResults.Row> uniformAt = rows.stream().filter(r -> r.rate() == at
                    && uniform.contains(r.option())).toList();
            SweepResults.Row bestUniform = uniformAt.isEmpty() ? best
                    : BestOption.of(uniformAt, SweepResults.Row::latencyMs, SweepResults.Row::option);
            t.row(at, best.option(), perImage(best.latencyMs()), best.staticLatencyMs() / best.latencyMs(),
                    bestUniform.option(), perImage(bestUniform.latencyMs()));
        }
        return t.build();
    }

    /**
     * Accuracy against latency for user-supplied accuracies of swept configurations: every
     * configuration as a marker, the Pareto set joined.
     *
     * @param options S/G per stage of each configuration, as in the results
     * @param rateOf their rates
     * @param accuracyPct their accuracies in percent
     * @param source where the accuracies come from, named in the title
     */
    public LineChartSpec accuracyVsLatency(List<String> options, double[] rateOf, double[] accuracyPct,
                                           String source) {
        double[] latency = new double[options.size()];
        for (int i = 0; i < options.size(); i++) {
            String o = options.get(i);
            double r = rateOf[i];
            latency[i] = perImage(rows.stream().filter(x -> x.option().equals(o) && Math.abs(x.rate() - r) < 1e-9)
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("accuracy: configuration " + o
                            + " at rate " + r + " is not in the results for " + subject() + ", " + paradigm))
                    .latencyMs());
        }
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < latency.length; i++) {
            idx.add(i);
        }
        List<Integer> front = GranularitySearch.pareto(idx, i -> latency[i], i -> accuracyPct[i]);
        Series all = Series.of("configurations", latency, accuracyPct);
        Series pareto = Series.of("Pareto set", front.stream().mapToDouble(i -> latency[i]).toArray(),
                front.stream().mapToDouble(i -> accuracyPct[i]).toArray());
        return LineChartSpec.of(subject() + ", " + paradigm + ", accuracy: " + source,
                new Axis("latency per image", "ms"), new Axis("accuracy", "%"), List.of(all, pareto)).withMarkersOnly(Set.of("configurations"))
                .withLegendTitle("points");
    }

    /** The best configuration swept at {@code at} ({@link BestOption}: what the flag-form sweep names too). */
    private SweepResults.Row fastestAt(double at) {
        return BestOption.of(rows.stream().filter(r -> r.rate() == at).toList(), SweepResults.Row::latencyMs,
                SweepResults.Row::option);
    }

    private void requireOptions(String what) {
        if (what().isEmpty()) {
            throw new IllegalArgumentException("paradigm: " + paradigm + " has no per-stage options for " + what
                    + "; choose spatial or channel with --paradigm");
        }
    }
}
