package dev.dynlat.predictor.execution;

import dev.dynlat.calibration.suite.SpeedReference;
import dev.dynlat.reports.chart.Axis;
import dev.dynlat.reports.chart.BarComponent;
import dev.dynlat.reports.chart.ChartFiles;
import dev.dynlat.reports.chart.ScatterChartSpec;
import dev.dynlat.reports.chart.Series;
import dev.dynlat.reports.chart.StackedBarChartSpec;
import dev.dynlat.reports.io.OutputSet;
import dev.dynlat.reports.table.Column;
import dev.dynlat.reports.table.Table;
import dev.dynlat.reports.table.TableFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Writes a validation outcome: the table (CSV and Markdown), the predicted-vs-measured chart of
 * the networks (calibrated and roofline), the per-stage chart of one network, and report.md with
 * the summary figures. Reads results only; computes nothing about networks.
 */
public final class ValidationReport {
    public static final String TABLE = "validation";
    public static final String CHART = "networks-predicted-vs-measured";
    public static final String STAGES = "stages-measured-vs-predicted";

    private ValidationReport() {
    }

    public static void write(NetworkValidation.Outcome o, String header, Path dir) throws IOException {
        double ref = o.typicalReferenceS();
        List<CaseResult> all = new ArrayList<>(o.networks());
        all.addAll(o.frozen());
        Table.Builder t = Table.builder().columns(Column.text("configuration"), Column.text("group"),
                Column.integer("batch", ""), Column.text("output check"), Column.decimal("measured", "ms"),
                Column.decimal("spread", "%"), Column.decimal("corrected", "ms"), Column.decimal("predicted", "ms"),
                Column.decimal("error raw", "%"), Column.decimal("error corrected", "%"),
                Column.decimal("roofline", "ms"), Column.text("flag"));
        for (CaseResult r : all) {
            boolean timed = !r.roundMediansS().isEmpty();
            double m = timed ? r.measuredS() * 1e3 : Double.NaN;
            double c = timed ? r.correctedS(ref) * 1e3 : Double.NaN;
            t.row(r.key(), r.group(), (long) r.batch(), r.check() == null ? "-" : r.check().passed() ? "ok" : "FAILED",
                    timed ? m : 0.0, timed ? r.spread() * 100 : 0.0, timed ? c : 0.0, r.predictedS() * 1e3,
                    timed ? CaseResult.errorPct(r.predictedS() * 1e3, m) : 0.0,
                    timed ? CaseResult.errorPct(r.predictedS() * 1e3, c) : 0.0, r.rooflineS() * 1e3,
                    !timed ? "not timed (check failed)" : r.flagged() ? "noisy" : "");
        }
        Table table = t.build();
        TableFiles.write(table, dir.resolve(TABLE + ".csv"));
        TableFiles.write(table, dir.resolve(TABLE + ".md"));
        List<CaseResult> timedNets = o.networks().stream().filter(r -> !r.roundMediansS().isEmpty()).toList();
        if (!timedNets.isEmpty()) {
            ScatterChartSpec chart = new ScatterChartSpec("Whole networks: predicted vs measured",
                    new Axis("measured latency (drift-corrected)", "ms"), new Axis("predicted latency", "ms"),
                    List.of(series("calibrated model", timedNets, ref, false),
                            series("roofline baseline", timedNets, ref, true)), true, 20);
            ChartFiles.write(chart, dir.resolve(CHART + ".svg"));
            ChartFiles.write(chart, dir.resolve(CHART + ".png"));
        }
        if (o.stages() != null) {
            NetworkValidation.StageBreakdown s = o.stages();
            List<BarComponent> parts = new ArrayList<>();
            for (int i = 0; i < s.stages().size(); i++) {
                parts.add(new BarComponent(s.stages().get(i), new double[] {s.measuredMs()[i], s.predictedMs()[i]}));
            }
            StackedBarChartSpec bars = new StackedBarChartSpec(s.key() + ": per stage", Axis.of(""),
                    new Axis("latency", "ms"), List.of("measured", "predicted"), parts);
            ChartFiles.write(bars, dir.resolve(STAGES + ".svg"));
            ChartFiles.write(bars, dir.resolve(STAGES + ".png"));
        }
        byte[] md = markdown(o, header).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        OutputSet.write("--out", dir.resolve("report.md"), out -> out.write(md));
    }

    /** Our kernels' time over ONNX Runtime's on each dense network (same model, weights, cores). */
    public static List<String> ortLines(NetworkValidation.Outcome o) {
        double ref = o.typicalReferenceS();
        List<String> lines = new ArrayList<>();
        for (CaseResult e : o.onnxRuntime()) {
            String key = e.key().substring("onnxruntime ".length());
            CaseResult ours = o.networks().stream().filter(r -> r.key().equals(key)).findFirst().orElse(null);
            if (ours == null || ours.roundMediansS().isEmpty() || e.roundMediansS().isEmpty()) {
                continue;
            }
            lines.add(String.format(Locale.ROOT, "%s: ours %.2f ms, onnxruntime %.2f ms, ours / onnxruntime %.2f"
                    + " (drift-corrected %.2f); onnxruntime output check: %s", key, ours.measuredS() * 1e3,
                    e.measuredS() * 1e3, ours.measuredS() / e.measuredS(), ours.correctedS(ref) / e.correctedS(ref),
                    e.checkPassed() ? "same outputs" : "differs"));
        }
        return lines;
    }

    /** Cold weights: the time their stream takes at the probed DRAM rate, beside the measured time. */
    private static String weightLines(NetworkValidation.Outcome o) {
        StringBuilder sb = new StringBuilder("Weights streamed from DRAM per inference (at the probed stream rate;"
                + " the calibrated CPU model prices an operator's weights from DRAM only when its own footprint"
                + " exceeds the last-level cache, so this is what the cold weights of a whole network can add to"
                + " the measurement):\n\n");
        for (CaseResult r : o.networks()) {
            if (r.group().equals("network-static") && !r.roundMediansS().isEmpty()) {
                sb.append(String.format(Locale.ROOT, "- %s: %.2f ms of %.2f ms measured (%.1f%%)%n", r.key(),
                        r.weightStreamS() * 1e3, r.measuredS() * 1e3, 100 * r.weightStreamS() / r.measuredS()));
            }
        }
        return sb.append('\n').toString();
    }

    private static String ortSection(NetworkValidation.Outcome o) {
        StringBuilder sb = new StringBuilder("## Where our kernels stand\n\nONNX Runtime "
                + "(`com.microsoft.onnxruntime:onnxruntime`, CPU provider, all graph optimizations, one thread per core)"
                + " runs each dense network exported to ONNX by dynlat with the same weights; its output is checked"
                + " against the same reference. The calibrated figures describe dynlat's own kernels, not a production"
                + " engine:\n\n");
        List<String> lines = ortLines(o);
        if (lines.isEmpty()) {
            sb.append("- (no dense network measured)\n");
        }
        lines.forEach(l -> sb.append("- ").append(l).append('\n'));
        return sb.append('\n').toString();
    }

    private static Series series(String name, List<CaseResult> rs, double ref, boolean roofline) {
        double[] x = rs.stream().mapToDouble(r -> r.correctedS(ref) * 1e3).toArray();
        double[] y = rs.stream().mapToDouble(r -> (roofline ? r.rooflineS() : r.predictedS()) * 1e3).toArray();
        return new Series(name, x, y);
    }

    /** The summary lines, also printed by {@code dynlat validate}. */
    public static List<String> summary(NetworkValidation.Outcome o) {
        double ref = o.typicalReferenceS();
        List<String> lines = new ArrayList<>();
        List<CaseResult> nets = o.networks().stream().filter(r -> !r.roundMediansS().isEmpty()).toList();
        lines.add(line("networks, all", nets, ref));
        lines.add(line("networks, static", filter(nets, r -> r.group().equals("network-static")), ref));
        lines.add(line("networks, dynamic", filter(nets, r -> r.group().equals("network-dynamic")), ref));
        lines.add(line("networks, batch 1", filter(nets, r -> r.batch() == 1), ref));
        lines.add(line("networks, batch 8", filter(nets, r -> r.batch() > 1), ref));
        lines.add(line("frozen operators", o.frozen().stream().filter(r -> !r.roundMediansS().isEmpty()).toList(),
                ref));
        lines.add(perRound(nets, false, ref));
        lines.add(perRound(nets, true, ref));
        double[] runSpread = nets.stream().mapToDouble(ValidationReport::roundRangePct).toArray();
        lines.add(String.format(Locale.ROOT, "run-to-run spread of the networks (range of round medians / median,"
                + " median over configurations): %.1f%%", CaseResult.median(runSpread)));
        long failed = o.networks().stream().filter(r -> !r.checkPassed()).count();
        lines.add("output checks at the timed size: " + (o.networks().size() - failed) + " of " + o.networks().size()
                + " passed");
        return lines;
    }

    private static List<CaseResult> filter(List<CaseResult> rs, Predicate<CaseResult> p) {
        return rs.stream().filter(p).toList();
    }

    private static String line(String label, List<CaseResult> rs, double ref) {
        ErrorFigures raw = ErrorFigures.of(rs, CaseResult::predictedS, CaseResult::measuredS);
        ErrorFigures cor = ErrorFigures.of(rs, CaseResult::predictedS, r -> r.correctedS(ref));
        ErrorFigures roof = ErrorFigures.of(rs, CaseResult::rooflineS, r -> r.correctedS(ref));
        return String.format(Locale.ROOT, "%s (%d): MdAPE %.1f%% raw, %.1f%% drift-corrected; within ±20%%: %.0f%% raw,"
                + " %.0f%% corrected; roofline baseline MdAPE %.1f%%", label, rs.size(), raw.medianApePct(),
                cor.medianApePct(), raw.within20Pct(), cor.within20Pct(), roof.medianApePct());
    }

    /**
     * Each round is a complete pass over every configuration: the networks' MdAPE and share within
     * ±20 % from each round alone (raw, or with that round's drift reference brought to {@code typical}),
     * their median and range.
     */
    static String perRound(List<CaseResult> nets, boolean corrected, double typical) {
        int rounds = nets.stream().mapToInt(r -> r.roundMediansS().size()).min().orElse(0);
        if (rounds == 0) {
            return "per round: no rounds";
        }
        double[] mdape = new double[rounds];
        double[] within = new double[rounds];
        StringBuilder each = new StringBuilder();
        for (int i = 0; i < rounds; i++) {
            final int round = i;
            ErrorFigures f = ErrorFigures.of(nets, CaseResult::predictedS, r -> r.roundMediansS().get(round)
                    * (corrected ? typical / r.referenceS().get(round) : 1));
            mdape[i] = f.medianApePct();
            within[i] = f.within20Pct();
            each.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f%%/%.0f%%", mdape[i], within[i]));
        }
        return String.format(Locale.ROOT, "networks per round (%s; MdAPE/within ±20%%): %s; median %.1f%% (range"
                + " %.1f–%.1f%%), within ±20%% median %.0f%% (range %.0f–%.0f%%)", corrected ? "drift-corrected" : "raw",
                each, CaseResult.median(mdape), min(mdape), max(mdape), CaseResult.median(within), min(within),
                max(within));
    }

    private static double min(double[] v) {
        return java.util.Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return java.util.Arrays.stream(v).max().orElse(Double.NaN);
    }

    static double roundRangePct(CaseResult r) {
        double lo = r.roundMediansS().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        double hi = r.roundMediansS().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        return 100 * (hi - lo) / r.measuredS();
    }

    private static String markdown(NetworkValidation.Outcome o, String header) {
        StringBuilder sb = new StringBuilder("# dynlat validate: whole networks end to end\n\n");
        sb.append(header).append("\n\n");
        for (String l : summary(o)) {
            sb.append("- ").append(l).append('\n');
        }
        sb.append("\n\"Drift-corrected\" above: ").append(o.correctionBasis()).append(". Each measurement is"
                + " scaled by (that speed-reference time / the reading taken just before it). Speed reference ("
                + SpeedReference.LABEL + ") in this run: " + o.runSpeed().describe() + ".\n");
        sb.append(String.format(Locale.ROOT, "%nRun took %.0f s.%n%n", o.seconds()));
        sb.append("Measurement: every configuration's output was checked element by element against the Java"
                + " reference at the size timed (batch 8: its first image) before it was timed; a whole inference is"
                + " one native call sequence (dynamic blocks included); raw samples with the drift-reference time"
                + " next to each round are in raw-samples.csv; errors are given raw and drift-corrected. Cold vs"
                + " warm: each timed inference follows warm-up inferences; activations are reused buffers, the weights"
                + " exceed the caches and stream from DRAM on every inference (warm activations, cold weights); the"
                + " model prices each operator's data by its own footprint and so leaves that weight stream out"
                + " (listed below).\n\n");
        sb.append(weightLines(o));
        sb.append(ortSection(o));
        sb.append("Table: ").append(TABLE).append(".md / .csv; charts: ").append(CHART).append(".svg, ").append(STAGES)
                .append(".svg.\n");
        return sb.toString();
    }
}
