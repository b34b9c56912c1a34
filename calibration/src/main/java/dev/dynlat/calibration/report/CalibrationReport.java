package dev.dynlat.calibration.report;

import dev.dynlat.calibration.fit.ErrorStats;
import dev.dynlat.calibration.host.PeakProbes;
import dev.dynlat.calibration.protocol.Measurement;
import dev.dynlat.calibration.suite.CalibrationOutcome;
import dev.dynlat.calibration.suite.EvaluatedCase;
import dev.dynlat.calibration.suite.FitPlan;
import dev.dynlat.operators.profile.AnalyticConstants;
import dev.dynlat.operators.profile.CalibratedCoefficients;
import dev.dynlat.operators.profile.DeviceKind;
import dev.dynlat.reports.io.OutputSet;
import dev.dynlat.reports.io.OutputTarget;
import dev.dynlat.reports.table.Column;
import dev.dynlat.reports.table.MarkdownTableWriter;
import dev.dynlat.reports.table.Precision;
import dev.dynlat.reports.table.Table;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes {@code report.md} (Markdown tables) and the charts of a calibration run into the report
 * directory. Every number comes from the outcome; nothing is typed in.
 */
public final class CalibrationReport {
    public static final String REPORT = "report.md";
    private static final Precision PCT = Precision.decimalPlaces(1);
    private static final MarkdownTableWriter MD = new MarkdownTableWriter();

    private CalibrationReport() {
    }

    /**
     * Registers the report's files in {@code outputs} (checking each path), so that a run can refuse
     * an unusable report before it measures anything.
     *
     * @return the targets, to pass to {@link #prepare}
     */
    public static ReportTargets add(OutputSet outputs, Path dir) {
        return new ReportTargets(outputs.add("--report", dir.resolve(REPORT)),
                ReportCharts.add(outputs, dir, ReportCharts.OPERATORS), ReportCharts.add(outputs, dir, ReportCharts.BLOCKS));
    }

    /** Renders report.md and the charts into their prepared targets; nothing is visible until the set commits. */
    public static void prepare(CalibrationOutcome o, RawSampleSummary raw, OutputSet outputs, ReportTargets targets)
            throws IOException {
        List<EvaluatedCase> heldOut = o.operators().stream().filter(EvaluatedCase::heldOut).toList();
        ReportCharts.prepareOperators(heldOut, outputs, targets.operatorCharts());
        ReportCharts.prepareBlocks(o.blocks(), outputs, targets.blockCharts());
        outputs.prepareText(targets.report(), markdown(o, raw));
    }

    /** The report's output files: report.md and the SVG and PNG of each chart. */
    public record ReportTargets(OutputTarget report, List<OutputTarget> operatorCharts, List<OutputTarget> blockCharts) {
    }

    static String markdown(CalibrationOutcome o, RawSampleSummary raw) {
        StringBuilder sb = new StringBuilder();
        PeakProbes p = o.probes();
        CalibratedCoefficients k = o.profile().calibrated().orElseThrow();
        var rec = k.calibration();
        List<EvaluatedCase> heldOut = o.operators().stream().filter(EvaluatedCase::heldOut).toList();
        List<EvaluatedCase> fitSet = o.operators().stream().filter(c -> !c.heldOut()).toList();
        ErrorSummary ops = ErrorSummary.of(heldOut);
        ErrorSummary blocks = ErrorSummary.of(o.blocks());
        sb.append("# Calibration report: ").append(o.profile().name()).append("\n\n");
        boolean gpu = o.hostProfile().kind() == DeviceKind.GPU;
        sb.append(String.format(Locale.ROOT, "- machine: %s, %d %s (%s)%n", p.cpuModel(), p.cores(), gpu ? "SMs" : "cores",
                p.isa().isEmpty() ? "isa unknown" : p.isa()));
        sb.append("- bootstrap: ").append(o.hostProfile().provenance()).append('\n');
        sb.append("- fitted model: ").append(FitPlan.forKind(o.hostProfile().kind()).model()).append('\n');
        sb.append("- date: ").append(rec.date()).append(", backend: ").append(o.backend()).append(", suite: ")
                .append(o.quick() ? "quick" : "full").append('\n');
        sb.append(String.format(Locale.ROOT,
                "- configurations: %d operators (%d fitted, %d held out), %d dynamic blocks (evaluation only)%n",
                o.operators().size(), fitSet.size(), heldOut.size(), o.blocks().size()));
        // The count is the CSV's own: rows of every round, re-measurement and speed-reference run.
        sb.append(String.format(Locale.ROOT, "- raw timed samples: %d, the rows of run `%s` in `raw-samples.csv`"
                + " (%d of them in the combined medians); flagged re-measured: %d, still flagged: %d%n", raw.rows(),
                raw.runId(), o.measurements().sampleCount(), o.measurements().reruns(), o.measurements().flagged()));
        if (raw.previousRows() > 0) {
            sb.append(String.format(Locale.ROOT, "- `raw-samples.csv` also holds %d rows of %d earlier runs (%s); this"
                    + " report describes run `%s` only%n", raw.previousRows(), raw.previousRuns().size(),
                    String.join(", ", raw.previousRuns()), raw.runId()));
        }
        sb.append(String.format(Locale.ROOT, "- wall time: probes %.1f s, measurements %.1f s, fit and evaluation %.1f s%n",
                o.probeSeconds(), o.measurements().seconds(), o.fitSeconds()));
        sb.append("- speed reference (").append(dev.dynlat.calibration.suite.SpeedReference.LABEL).append(", timed before"
                + " every measurement; the profile keeps its median as speed_reference_us): ")
                .append(o.measurements().speed().describe()).append('\n');
        sb.append("- fit: ").append(o.fit().status()).append(" — ").append(o.fit().reason()).append("\n\n");

        sb.append("## Held-out error, operators\n\n");
        sb.append("Absolute percentage error on configurations never used in fitting. *Before* is the bootstrapped "
                + "host profile with the laudnet variant (all efficiencies 1), *after* the calibrated variant with the "
                + "fitted coefficients, *roofline* is max(FLOP / peak FLOP/s, bytes / stream bandwidth) + call overhead "
                + "from the same probes.\n\n");
        sb.append(MD.render(errorTable(ops))).append('\n');
        sb.append("## Dynamic blocks (never fitted)\n\n");
        sb.append("On the cpu backend each block is timed as one native sequence (the block lowered by the predictor's "
                + "composers, run by the network runner with its buffers chained); on other backends as the sum of its "
                + "kernels' per-run times. Spatial: fused masker+conv1, gather (halo 1), conv2 3x3 and conv3 1x1 on the "
                + "patch batch, scatter-add. Channel: channel-skipping conv1/conv2/conv3, pooled MLP masker, residual "
                + "add. Layer: gate (pool + FC) + rate × (conv1, conv2, conv3, add), i.e. the executed and skipped "
                + "cases combined by the rate. Predictions are the predictor's block latency (block composers, "
                + "schedule: masker fused, gather kernel, scatter-add fused).\n\n");
        sb.append(MD.render(errorTable(blocks))).append('\n');
        sb.append(MD.render(blockTable(o.blocks()))).append('\n');

        sb.append("## Run-to-run spread per class\n\n");
        sb.append("Relative spread = (p75 − p25) / median of the timed runs of the reported attempt.\n\n");
        sb.append(MD.render(spreadTable(o))).append('\n');

        sb.append("## Coefficients\n\n");
        AnalyticConstants c = o.profile().laudnet();
        sb.append(String.format(Locale.ROOT, "Probes: FMA %.2f GFLOP/s, stream read %.2f GB/s, cache-resident read "
                + "%.2f GB/s, empty call %.3f µs, clock %.0f MHz.%n%n", p.fmaFlopsPerS() / 1e9,
                p.dramBytesPerS() / 1e9, p.cacheBytesPerS() / 1e9, p.emptyCallS() * 1e6, p.clockMHz()));
        sb.append(String.format(Locale.ROOT, "Bootstrapped constants: %d engines × %.3f lanes at %.0f MHz, DRAM %.2f "
                + "GB/s, on-chip ratio %.2f, issue depth %d, %d-element transactions, launch %.3f µs.%n%n",
                c.processingEngines(), c.fp32LanesPerEngine(), c.clockMHz(), c.dramBandwidthGBps(),
                c.l2BandwidthRatio(), c.issueDepth(), c.transactionElements(), c.launchOverheadUs()));
        var record = o.profile().calibrated().map(cc -> cc.calibration());
        List<String> atBound = record.map(r -> r.atBound()).orElse(List.of());
        Table.Builder t = Table.builder().columns(Column.text("coefficient"), Column.decimal("initial", ""),
                Column.decimal("fitted", ""), Column.text("std. error"), Column.text("at a bound"));
        o.fit().fittedParams().forEach((name, v) -> t.row(name, o.fit().initialParams().get(name), v,
                stdError(o.fit().relativeErrorPct(name), atBound.contains(name)), atBound.contains(name) ? "**yes**" : ""));
        sb.append(MD.render(t.build())).append('\n');
        sb.append("Standard errors: from the fit's covariance (s² (JᵀJ)⁻¹ of the log-residuals at the optimum, carried"
                + " to each coefficient's units), relative to the fitted value; \"undetermined\" when the fit set does"
                + " not constrain the coefficient. At a bound the error is not meaningful.\n\n");
        sb.append("Lane efficiency is bounded by 1 (the probed FMA rate). Coefficients at a bound of their range are "
                + "flagged above and listed in the profile (at_bound): the data wanted them further, so the model "
                + "shape, not the data, limits them.\n\n");
        record.filter(r -> r.hasInterval()).ifPresent(r -> sb.append(String.format(Locale.ROOT,
                "Prediction band: measured / predicted over the held-out operators has p10 %.3f and p90 %.3f; "
                + "predict reports latency × these as its p10–p90 band.%n%n", r.intervalLow(), r.intervalHigh())));
        record.filter(r -> !r.forced().isEmpty()).ifPresent(r -> sb.append("**Forced**: the profile was written"
                + " although the fit was judged poor: " + r.forced() + "\n\n"));
        sb.append(String.format(Locale.ROOT, "Fit set: median APE %.1f%% before, %.1f%% after (%d iterations, %d "
                + "evaluations).%n", o.fit().fitBefore().overall().medianApePct(),
                o.fit().fitAfter().overall().medianApePct(), o.fit().iterations(), o.fit().evaluations()));
        return sb.toString();
    }

    static Table errorTable(ErrorSummary s) {
        Table.Builder t = Table.builder().columns(Column.text("class"), Column.integer("n", ""),
                Column.decimal("before MdAPE", "%", PCT), Column.decimal("before mean", "%", PCT),
                Column.decimal("before p90", "%", PCT), Column.decimal("after MdAPE", "%", PCT),
                Column.decimal("after mean", "%", PCT), Column.decimal("after p90", "%", PCT),
                Column.decimal("roofline MdAPE", "%", PCT), Column.decimal("roofline mean", "%", PCT),
                Column.decimal("roofline p90", "%", PCT));
        s.byGroup().forEach((g, r) -> t.row(cells(g, r)));
        t.row(cells("**overall**", s.overall()));
        return t.build();
    }

    private static List<Object> cells(String name, ErrorSummary.Row r) {
        List<Object> cells = new ArrayList<>();
        cells.add(name);
        cells.add(r.count());
        for (ErrorStats e : List.of(r.before(), r.after(), r.roofline())) {
            cells.add(e.medianApePct());
            cells.add(e.meanApePct());
            cells.add(e.p90ApePct());
        }
        return cells;
    }

    static Table blockTable(List<EvaluatedCase> blocks) {
        Table.Builder t = Table.builder().columns(Column.text("block"), Column.decimal("measured", "ms"),
                Column.decimal("spread", "%", PCT), Column.decimal("before", "ms"), Column.decimal("calibrated", "ms"),
                Column.decimal("calibrated APE", "%", PCT), Column.decimal("roofline", "ms"));
        for (EvaluatedCase b : blocks) {
            t.row(b.key(), b.measuredS() * 1e3, b.spread() * 100, b.beforeS() * 1e3, b.afterS() * 1e3,
                    100 * Math.abs(b.afterS() - b.measuredS()) / b.measuredS(), b.rooflineS() * 1e3);
        }
        return t.build();
    }

    static Table spreadTable(CalibrationOutcome o) {
        Map<String, List<Measurement>> byGroup = new TreeMap<>();
        for (EvaluatedCase c : o.operators()) {
            byGroup.computeIfAbsent(c.group(), g -> new ArrayList<>()).add(o.measurements().get(c.key()));
        }
        for (EvaluatedCase c : o.blocks()) {
            byGroup.computeIfAbsent(c.group(), g -> new ArrayList<>()).add(o.measurements().get(c.key()));
        }
        Table.Builder t = Table.builder().columns(Column.text("class"), Column.integer("n", ""),
                Column.decimal("median spread", "%", PCT), Column.decimal("max spread", "%", PCT),
                Column.integer("flagged", ""));
        byGroup.forEach((g, ms) -> {
            double[] spreads = ms.stream().mapToDouble(Measurement::spread).sorted().toArray();
            double median = spreads.length % 2 == 1 ? spreads[spreads.length / 2]
                    : (spreads[spreads.length / 2 - 1] + spreads[spreads.length / 2]) / 2;
            t.row(g, ms.size(), median * 100, spreads[spreads.length - 1] * 100,
                    (int) ms.stream().filter(Measurement::flagged).count());
        });
        return t.build();
    }

    /** "± 1.2%", "undetermined", or "-" (no error known, or at a bound). */
    static String stdError(double relativePct, boolean atBound) {
        if (atBound || Double.isNaN(relativePct)) {
            return "-";
        }
        if (Double.isInfinite(relativePct)) {
            return "undetermined";
        }
        return String.format(Locale.ROOT, relativePct >= 10 ? "± %.0f%%" : "± %.1f%%", relativePct);
    }
}
