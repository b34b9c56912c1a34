package dev.dynlat.calibration.report;

import dev.dynlat.calibration.measured.Accuracy;
import dev.dynlat.calibration.measured.EvaluatedOperator;
import dev.dynlat.calibration.measured.MeasurementOutcome;
import dev.dynlat.calibration.suite.EvaluatedCase;
import dev.dynlat.operators.profile.CalibratedCoefficients;
import dev.dynlat.reports.io.OutputSet;
import dev.dynlat.reports.io.OutputTarget;
import dev.dynlat.reports.table.Column;
import dev.dynlat.reports.table.CsvTableWriter;
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
import java.util.function.ToDoubleFunction;

/**
 * The report of a calibration from measurements: {@code report.md} with, per operator class and for the
 * fit rows and the held-out rows apart, the accuracy of the calibrated fit, the base profile before
 * calibration, the laudnet variant and the datasheet roofline on the same rows; every row's predictions
 * in {@code predictions.csv}; and the held-out predicted-vs-measured chart. Every number comes from the
 * outcome.
 */
public final class MeasurementReport {
    public static final String PREDICTIONS = "predictions.csv";
    private static final MarkdownTableWriter MD = new MarkdownTableWriter();
    private static final Precision PCT = Precision.decimalPlaces(1);
    private static final Precision RATIO = Precision.decimalPlaces(2);
    /** Most held-out rows drawn in the chart (chosen by a hash of the row): more only makes the SVG huge. */
    static final int CHART_ROWS = 2000;

    /** The four predictors of every row, in report order. */
    static final List<Predictor> PREDICTORS = List.of(
            new Predictor("calibrated (after)", EvaluatedOperator::afterS),
            new Predictor("base profile (before)", EvaluatedOperator::beforeS),
            new Predictor("laudnet", EvaluatedOperator::laudnetS),
            new Predictor("roofline", EvaluatedOperator::rooflineS));

    /** One predictor's column of the evaluated rows. */
    record Predictor(String name, ToDoubleFunction<EvaluatedOperator> seconds) {
    }

    private MeasurementReport() {
    }

    /** The report's files: report.md, predictions.csv and the chart's SVG, PNG and points CSV. */
    public record Targets(OutputTarget report, OutputTarget predictions, List<OutputTarget> chart) {
    }

    /** Registers the report's files in {@code outputs}, checking each path before anything is computed. */
    public static Targets add(OutputSet outputs, Path dir) {
        return new Targets(outputs.add("--report", dir.resolve(CalibrationReport.REPORT)),
                outputs.add("--report", dir.resolve(PREDICTIONS)),
                ReportCharts.add(outputs, dir, ReportCharts.OPERATORS));
    }

    /** Renders every file into its prepared target; nothing is visible until the set commits. */
    public static void prepare(MeasurementOutcome o, OutputSet outputs, Targets targets) throws IOException {
        List<EvaluatedCase> heldOut = chartRows(o.operators()).stream()
                .map(e -> new EvaluatedCase(e.key(), e.operatorClass(), e.measuredS(), 0, e.beforeS(), e.afterS(),
                        e.rooflineS(), true)).toList();
        ReportCharts.prepareOperators(heldOut, outputs, targets.chart());
        outputs.prepareText(targets.predictions(), new CsvTableWriter().render(predictions(o)));
        outputs.prepareText(targets.report(), markdown(o));
    }

    /** The held-out rows the chart draws: all of them, or {@link #CHART_ROWS} chosen by a hash of the row. */
    static List<EvaluatedOperator> chartRows(List<EvaluatedOperator> rows) {
        List<EvaluatedOperator> held = rows.stream().filter(EvaluatedOperator::heldOut).toList();
        if (held.size() <= CHART_ROWS) {
            return held;
        }
        return held.stream().sorted(java.util.Comparator.<EvaluatedOperator>comparingLong(
                e -> dev.dynlat.calibration.fit.HeldOutSplit.fnv1a64(e.key())).thenComparing(EvaluatedOperator::key))
                .limit(CHART_ROWS).sorted(java.util.Comparator.comparing(EvaluatedOperator::key)).toList();
    }

    static String markdown(MeasurementOutcome o) {
        StringBuilder sb = new StringBuilder();
        CalibratedCoefficients k = o.profile().calibrated().orElseThrow();
        var rec = k.calibration();
        List<EvaluatedOperator> held = o.operators().stream().filter(EvaluatedOperator::heldOut).toList();
        List<EvaluatedOperator> fitRows = o.operators().stream().filter(e -> !e.heldOut()).toList();
        sb.append("# Calibration from measurements: ").append(o.profile().name()).append("\n\n");
        sb.append("- device: ").append(rec.machine()).append(" (base profile `").append(o.base().name())
                .append("`: ").append(o.base().provenance()).append(")\n");
        sb.append("- fitted model: ").append(o.model()).append('\n');
        sb.append("- date: ").append(rec.date()).append(", backend: ").append(rec.backend()).append('\n');
        sb.append("- measurements: ").append(String.join(", ", o.sources())).append('\n');
        sb.append(String.format(Locale.ROOT, "- rows: %d; %d outside the held-out shape families (%d of them fitted, at"
                + " most a fixed number per class chosen by a hash of the row), %d in held-out families (never"
                + " fitted)%n",
                o.operators().size(), fitRows.size(), o.fitRows(), held.size()));
        sb.append("- fit: ").append(o.fit().status()).append(" — ").append(o.fit().reason()).append('\n');
        sb.append(String.format(Locale.ROOT, "- wall time of fit and evaluation: %.1f s%n", o.fitSeconds()));
        sb.append(String.format(Locale.ROOT,
                "- chart `%s.svg`: %d of the %d held-out rows (%s); every row is in `%s`%n%n",
                ReportCharts.OPERATORS, chartRows(o.operators()).size(), held.size(),
                held.size() > CHART_ROWS ? "chosen by a hash of the row" : "all", PREDICTIONS));
        sb.append("Held out by shape family (`src/docs/gpu/held-out-split.md`): whole regions of shape space, "
                + "chosen before any fit. *calibrated (after)* is the calibrated variant with the fitted coefficients; "
                + "*base profile (before)* the base profile as it was (its default variant); *laudnet* its laudnet "
                + "variant; *roofline* max(FLOP / datasheet peak, compulsory bytes / datasheet bandwidth) + the "
                + "profile's launch overhead. MdAPE: median absolute percentage error; ±20%: share of rows within 20% "
                + "of the measurement; p10 and p90 of predicted / measured.\n\n");
        sb.append("## Held-out rows\n\n").append(MD.render(accuracyTable(held))).append('\n');
        sb.append("## Fit rows (outside the held-out families)\n\n").append(MD.render(accuracyTable(fitRows)))
                .append('\n');
        sb.append("## Coefficients\n\n");
        Table.Builder t = Table.builder().columns(Column.text("coefficient"), Column.decimal("initial", ""),
                Column.decimal("fitted", ""), Column.text("at a bound"));
        o.fit().fittedParams().forEach((name, v) -> t.row(name, o.fit().initialParams().get(name), v,
                rec.atBound().contains(name) ? "**yes**" : ""));
        sb.append(MD.render(t.build())).append('\n');
        sb.append(String.format(Locale.ROOT, "Fit set: median APE %.1f%% at the initial coefficients, %.1f%% fitted"
                + " (%d iterations, %d evaluations).%n", o.fit().fitBefore().overall().medianApePct(),
                o.fit().fitAfter().overall().medianApePct(), o.fit().iterations(), o.fit().evaluations()));
        return sb.toString();
    }

    /** Per class and overall, each predictor's accuracy on the same rows. */
    static Table accuracyTable(List<EvaluatedOperator> rows) {
        Table.Builder t = Table.builder().columns(Column.text("class"), Column.text("predictor"),
                Column.integer("rows", ""), Column.decimal("MdAPE", "%", PCT), Column.decimal("within ±20%", "%", PCT),
                Column.decimal("p10 pred/meas", "", RATIO), Column.decimal("p90 pred/meas", "", RATIO));
        Map<String, List<EvaluatedOperator>> byClass = new TreeMap<>();
        rows.forEach(e -> byClass.computeIfAbsent(e.operatorClass(), c -> new ArrayList<>()).add(e));
        byClass.put("**all**", rows);
        byClass.forEach((cls, es) -> {
            for (Predictor p : PREDICTORS) {
                Accuracy a = accuracy(es, p.seconds());
                t.row(cls, p.name(), a.rows(), finite(a.mdapePct()), finite(a.within20Pct()), finite(a.ratioP10()),
                        finite(a.ratioP90()));
            }
        });
        return t.build();
    }

    static Accuracy accuracy(List<EvaluatedOperator> rows, ToDoubleFunction<EvaluatedOperator> predicted) {
        return Accuracy.of(rows.stream().mapToDouble(predicted).toArray(),
                rows.stream().mapToDouble(EvaluatedOperator::measuredS).toArray());
    }

    /** Every row: where it came from, its class and family, and the four predictions beside the measurement. */
    static Table predictions(MeasurementOutcome o) {
        Table.Builder t = Table.builder().columns(Column.text("source"), Column.integer("line", ""),
                Column.text("op"), Column.text("class"), Column.text("family"), Column.text("held_out"),
                Column.text("fitted"), Column.decimal("measured_ms", ""), Column.decimal("calibrated_ms", ""),
                Column.decimal("before_ms", ""), Column.decimal("laudnet_ms", ""), Column.decimal("roofline_ms", ""));
        for (EvaluatedOperator e : o.operators()) {
            t.row(e.operator().source(), e.operator().line(), e.operator().opName(),
                    e.operatorClass(), e.operator().family(), String.valueOf(e.heldOut()), String.valueOf(e.fitted()),
                    e.operator().latencyMs(), e.afterS() * 1e3, e.beforeS() * 1e3, e.laudnetS() * 1e3,
                    e.rooflineS() * 1e3);
        }
        return t.build();
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
