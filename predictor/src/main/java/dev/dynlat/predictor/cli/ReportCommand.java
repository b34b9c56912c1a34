package dev.dynlat.predictor.cli;

import dev.dynlat.predictor.provenance.Sidecar;
import dev.dynlat.predictor.provenance.ToolVersion;
import dev.dynlat.predictor.request.AccuracyTable;
import dev.dynlat.predictor.request.ReportRequest;
import dev.dynlat.predictor.sweep.SweepFacet;
import dev.dynlat.predictor.sweep.SweepFigures;
import dev.dynlat.predictor.sweep.SweepResults;
import dev.dynlat.reports.chart.ChartFiles;
import dev.dynlat.reports.chart.ChartFormat;
import dev.dynlat.reports.chart.ChartSize;
import dev.dynlat.reports.chart.ChartSpec;
import dev.dynlat.reports.chart.FigureStyle;
import dev.dynlat.reports.chart.RatioChartSpec;
import dev.dynlat.reports.chart.ScatterChartSpec;
import dev.dynlat.reports.io.OutputBody;
import dev.dynlat.reports.table.PageWidth;
import dev.dynlat.reports.table.PaperLatexTableWriter;
import dev.dynlat.reports.table.Table;
import dev.dynlat.reports.table.TableFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dynlat report}: paper figures and tables from the results of a spec sweep. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Draw the figures and tables a paper needs from 'dynlat sweep --spec' results.",
            "dynlat report --from results.csv --out figures --format png,svg,pdf",
            "dynlat report --from results.csv --out figures --model resnet101 --device v100 --paradigm spatial \\",
            "    --accuracy acc.csv --measured calib/predicted-vs-measured.csv"})
public final class ReportCommand implements Callable<Integer> {
    @Option(names = "--from", required = true, paramLabel = "FILE",
            description = "Results of 'dynlat sweep --spec': its .csv or .jsonl.")
    Path from;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the figures and tables.")
    Path out;

    @Option(names = "--format", paramLabel = "F[,F...]", defaultValue = "png,svg,pdf",
            description = "Figure formats: png, svg, pdf. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--dpi", paramLabel = "N", defaultValue = "300", description = "PNG resolution. Default: 300.")
    int dpi;

    @Option(names = "--model", paramLabel = "NAME", description = "Target to draw (default: the first in the file).")
    String model;

    @Option(names = "--device", paramLabel = "NAME", description = "Device to draw (default: the first).")
    String device;

    @Option(names = "--variant", paramLabel = "ID", description = "Variant to draw (default: the first).")
    String variant;

    @Option(names = "--batch", paramLabel = "N", description = "Batch to draw (default: the first).")
    Integer batch;

    @Option(names = "--paradigm", paramLabel = "MODE", description = "spatial, channel or layer (default: the first).")
    String paradigm;

    @Option(names = "--rate", paramLabel = "R", defaultValue = "0.5",
            description = "Rate of the heatmap and breakdown (nearest swept rate). Default: ${DEFAULT-VALUE}.")
    double rate;

    @Option(names = "--accuracy", paramLabel = "CSV", description = "Accuracy per configuration (option,rate,"
            + "accuracy_pct) for an accuracy-vs-latency figure.")
    Path accuracy;

    @Option(names = "--measured", paramLabel = "CSV", description = "A calibration report's predicted-vs-measured.csv"
            + " for a predicted-vs-measured figure.")
    Path measured;

    @CommandLine.Mixin
    FigureOptions figure;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ReportRequest req = request();
        // Everything is read and built before the first file is written.
        SweepResults results = SweepResults.read(req.from(), req.selection());
        SweepFigures figures = new SweepFigures(results, req.paradigm(), req.rate());
        Map<String, ChartSpec> charts = new LinkedHashMap<>();
        Map<String, ChartSize> sizes = new LinkedHashMap<>();
        ChartSize size = req.figure().size();
        charts.put("latency-vs-rate", figures.latencyVsRate());
        for (SweepFacet facet : SweepFacet.values()) {
            List<SweepFigures> panels = sideBySide(req, results, figures, facet);
            if (panels.size() > 1) {
                charts.put(facet.figureName(), SweepFigures.relativeLatencyAcross(facet, panels));
                // Panels side by side need the page's width; a custom size is taken as given.
                sizes.put(facet.figureName(), size.width() == ChartSize.COLUMN.width()
                        ? ChartSize.FULL.withDpi(req.dpi()) : size);
            }
        }
        if (!figures.paradigm().equals("layer")) {
            charts.put("speedup-heatmap", figures.speedupHeatmap());
        }
        charts.put("stage-breakdown", figures.stageBreakdown());
        charts.put("latency-histogram", figures.latencyHistogram());
        if (req.accuracy() != null) {
            charts.put("accuracy-vs-latency", accuracyChart(figures));
        }
        if (req.measured() != null) {
            ScatterChartSpec measured = MeasuredChart.load(req.measured());
            charts.put("predicted-vs-measured", measured);
            sizes.put("predicted-vs-measured", size.squared());
            // Over many decades the ±10 % band is thinner than a marker; the ratio shows it.
            charts.put("prediction-ratio", RatioChartSpec.of(measured));
        }
        Table summary = figures.summary();
        Map<String, OutputBody> files = new LinkedHashMap<>();
        for (Map.Entry<String, ChartSpec> e : charts.entrySet()) {
            FigureStyle style = req.figure().withSize(sizes.getOrDefault(e.getKey(), size));
            for (ChartFormat f : req.formats()) {
                String name = e.getKey() + f.extension();
                files.put(name, ChartFiles.body(e.getValue(), Path.of(name), style));
            }
        }
        for (TableFormat f : List.of(TableFormat.CSV, TableFormat.MARKDOWN)) {
            files.put("summary" + f.extension(), text(f.writer().render(summary)));
        }
        files.put(Sidecar.of(Path.of("summary" + TableFormat.CSV.extension())).toString(),
                text(Sidecar.content(ToolVersion.current())));
        // LaTeX for the page: the narrow table fits one column, the full one a table* float.
        files.put("summary.tex", text(new PaperLatexTableWriter(PageWidth.COLUMN).render(figures.summaryColumn())));
        files.put("summary-full.tex", text(new PaperLatexTableWriter(PageWidth.FULL).render(summary)));
        List<Path> written = DirectoryOutputs.write("--out", req.out(), files);
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "report: %s on %s (%s, batch %d), %s; heatmap and breakdown at rate %.2f%n",
                results.model(), results.device(), results.variant(), results.batch(), figures.paradigm(),
                figures.rate());
        for (Path p : written) {
            w.println("  " + p);
        }
        w.flush();
        return 0;
    }

    private static OutputBody text(String text) {
        return o -> o.write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The options as a request: every flag rule is checked there. */
    ReportRequest request() {
        return new ReportRequest(from, out, ReportRequest.formats(format), dpi,
                new SweepResults.Selection(model, device, variant, batch), paradigm, rate, accuracy, measured,
                figure.style());
    }

    /**
     * The panels of a side-by-side figure along {@code facet}: the figures of every device the
     * file holds for the drawn model and variant, or of every model it holds for the drawn device
     * and variant (the given batch where one is given, else each target's first), when
     * {@code --device} (or {@code --model}) names none. One target gives one figure, so none is drawn.
     */
    private static List<SweepFigures> sideBySide(ReportRequest req, SweepResults drawn, SweepFigures figures,
                                                 SweepFacet facet) {
        if (facet.namedIn(req.selection())) {
            return List.of();
        }
        List<SweepFigures> out = new ArrayList<>();
        for (SweepResults.Selection s : SweepResults.across(req.from(), facet, drawn)) {
            boolean isDrawn = s.model().equals(drawn.model()) && s.device().equals(drawn.device());
            SweepResults r = isDrawn ? drawn : SweepResults.read(req.from(),
                    new SweepResults.Selection(s.model(), s.device(), s.variant(), req.selection().batch()));
            if (r.paradigms().contains(figures.paradigm())) {
                out.add(r == drawn ? figures : new SweepFigures(r, figures.paradigm(), req.rate()));
            }
        }
        return out;
    }

    private ChartSpec accuracyChart(SweepFigures figures) {
        List<AccuracyTable.Entry> entries = AccuracyTable.load(accuracy);
        List<String> options = new ArrayList<>();
        double[] rates = new double[entries.size()];
        double[] acc = new double[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            options.add(entries.get(i).option());
            rates[i] = entries.get(i).rate();
            acc[i] = entries.get(i).accuracyPct();
        }
        return figures.accuracyVsLatency(options, rates, acc, String.valueOf(accuracy.getFileName()));
    }
}
