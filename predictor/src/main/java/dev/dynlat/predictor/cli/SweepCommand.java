package dev.dynlat.predictor.cli;

import dev.dynlat.predictor.request.SweepRequest;
import dev.dynlat.predictor.request.SweepResult;
import dev.dynlat.predictor.request.SweepRun;
import dev.dynlat.predictor.request.Workspace;
import dev.dynlat.reports.chart.Axis;
import dev.dynlat.reports.chart.ChartFiles;
import dev.dynlat.reports.chart.ChartFormat;
import dev.dynlat.predictor.format.DisplayNames;
import dev.dynlat.predictor.sweep.SweepTables;
import dev.dynlat.reports.chart.FigureStyle;
import dev.dynlat.reports.table.PageWidth;
import dev.dynlat.reports.table.PaperLatexTableWriter;
import dev.dynlat.reports.chart.LineChartSpec;
import dev.dynlat.reports.chart.ReferenceLine;
import dev.dynlat.reports.chart.Series;
import dev.dynlat.reports.io.OutputSet;
import dev.dynlat.reports.io.OutputTarget;
import dev.dynlat.reports.table.MarkdownTableWriter;
import dev.dynlat.reports.table.TableFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dynlat sweep}: latency over activation rates and per-stage options, as a table and a chart. */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Sweep activation rates and granularities (or channel groups) of a CNN.",
            "dynlat sweep --model resnet101 --device v100 --mode spatial --options 1,2,4,8 --rates 0.1:1:0.1 \\",
            "    --out sweep.csv --chart sweep.svg"})
public final class SweepCommand implements Callable<Integer> {
    @Mixin
    TargetOptions target;

    @Option(names = "--mode", paramLabel = "MODE", description = "spatial, channel or layer.")
    String mode;

    @Option(names = "--spec", paramLabel = "FILE", description = "Sweep spec (YAML): models, devices, batches,"
            + " variants, paradigms, per-stage options and rates; rows stream to --out (.csv or .jsonl), resumable.")
    Path specFile;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads of a spec sweep (default: all cores).")
    Integer threads;

    @Option(names = "--options", paramLabel = "V[,V...]", defaultValue = SweepRequest.DEFAULT_OPTIONS,
            description = "S (spatial) or G (channel) values; each applies to every stage, S capped at the stage's"
                    + " map. Default: ${DEFAULT-VALUE}.")
    String options;

    @Option(names = "--rates", paramLabel = "LIST|A:B:STEP", defaultValue = SweepRequest.DEFAULT_RATES,
            description = "Rates in [0,1]: a list (0.25,0.5) or start:stop:step. Default: ${DEFAULT-VALUE}.")
    String rates;

    @Option(names = "--out", paramLabel = "FILE", description = "Table of every point (.csv, .md or .tex).")
    Path out;

    @Option(names = "--chart", paramLabel = "FILE", description = "Latency per image vs rate (.svg, .png or .pdf).")
    Path chart;

    @Mixin
    FigureOptions figure;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The flag-form sweep as a request (mode, batch checked there). */
    SweepRequest request() {
        return new SweepRequest(target.request(), mode, options, rates);
    }

    @Override
    public Integer call() throws IOException {
        if (specFile != null) {
            return new SpecSweep(specFile, out, chart, target.request().anyGiven() || mode != null, threads)
                    .run(spec.commandLine().getErr());
        }
        if (threads != null) {
            // The flag-form sweep runs on the calling thread: a --threads it would ignore is refused.
            throw new IllegalArgumentException("threads: --threads " + threads + " applies to spec sweeps (--spec FILE)"
                    + " only; the flag-form sweep runs on one thread");
        }
        try {
            if (out != null) {
                TableFormat.fromPath(out);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--out: " + e.getMessage());
        }
        try {
            if (chart != null) {
                ChartFormat.fromPath(chart);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--chart: " + e.getMessage());
        }
        SweepRequest req = request();
        FigureStyle style = chart == null ? null : figure.style();
        try (OutputSet outputs = new OutputSet()) {
            OutputTarget outTarget = out == null ? null : outputs.add("--out", out);
            OutputTarget chartTarget = chart == null ? null : outputs.add("--chart", chart);
            CsvSidecar sidecar = CsvSidecar.beside(outputs,
                    out != null && TableFormat.fromPath(out) == TableFormat.CSV ? outTarget : null,
                    spec.commandLine().getErr());
            write(SweepRun.run(req, new Workspace()), outputs, outTarget, chartTarget, style, sidecar);
        }
        return 0;
    }

    /** Prepares both outputs, then commits them together and prints the summary. */
    private void write(SweepResult r, OutputSet outputs, OutputTarget outTarget, OutputTarget chartTarget,
                       FigureStyle style, CsvSidecar sidecar) throws IOException {
        if (outTarget != null) {
            TableFormat format = TableFormat.fromPath(out);
            // CSV and Markdown keep every point for tools; LaTeX gets the page-sized summary.
            outputs.prepareText(outTarget, format == TableFormat.LATEX
                    ? new PaperLatexTableWriter(PageWidth.FULL).render(SweepTables.latencyByRate(r.points()))
                    : format.writer().render(r.points()));
        }
        if (chartTarget != null) {
            outputs.prepare(chartTarget, ChartFiles.body(LineChartSpec.of(DisplayNames.model(r.model()) + " on "
                            + DisplayNames.device(r.device()) + ", " + r.paradigm().id() + ", batch " + r.batch(),
                    new Axis("activation rate", ""), new Axis("latency per image", "ms"),
                    Series.groupedBy(r.points(), "option", "rate", "latency_per_image_ms"))
                    .withReferenceLine(new ReferenceLine(r.dense().latencyPerImageMs(), "static"))
                    .withLegendTitle(r.paradigm().id().equals("spatial") ? "S" : r.paradigm().id().equals("channel")
                            ? "G" : "option"), chart, style));
        }
        sidecar.prepare();
        outputs.commit(CliOutputs.stdout(spec));
        var stdout = spec.commandLine().getOut();
        if (out == null) {
            stdout.print(new MarkdownTableWriter().render(r.points()));
            stdout.println();
        }
        stdout.print(new MarkdownTableWriter().render(r.best()));
        stdout.flush();
    }
}
