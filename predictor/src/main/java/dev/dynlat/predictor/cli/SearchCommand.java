package dev.dynlat.predictor.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynlat.predictor.provenance.ToolVersion;
import dev.dynlat.predictor.request.ResultFormat;
import dev.dynlat.predictor.request.SearchRequest;
import dev.dynlat.predictor.request.SearchResult;
import dev.dynlat.predictor.request.SearchRun;
import dev.dynlat.predictor.request.Workspace;
import dev.dynlat.predictor.sweep.GranularitySearch;
import dev.dynlat.predictor.sweep.OptionSpace;
import dev.dynlat.predictor.sweep.SweepModel;
import dev.dynlat.reports.table.Column;
import dev.dynlat.reports.table.MarkdownTableWriter;
import dev.dynlat.reports.table.Precision;
import dev.dynlat.reports.table.Table;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dynlat search}: the per-stage granularity (or channel group) that minimises latency. */
@Command(name = "search", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Find the per-stage S (spatial) or G (channel) that minimises latency at a rate, and the"
            + " Pareto set over rates or user accuracies (LAUDNet's latency-guided design step).",
            "dynlat search --model resnet101 --device v100 --mode spatial --options 1,2,4,8 --rate 0.5",
            "dynlat search --model resnet101 --device v100 --mode spatial --accuracy acc.csv"})
public final class SearchCommand implements Callable<Integer> {
    @Mixin
    TargetOptions target;

    @Option(names = "--mode", required = true, paramLabel = "MODE", description = "spatial or channel.")
    String mode;

    @Option(names = "--options", paramLabel = "V[,V...]|all", defaultValue = SearchRequest.DEFAULT_OPTIONS,
            description = "Candidates for every stage (each stage keeps those that fit it), or all valid values per"
                    + " stage. Default: ${DEFAULT-VALUE}.")
    String options;

    @Option(names = "--rate", paramLabel = "R", description = "Target activation rate of the optimum.")
    Double rate;

    @Option(names = "--rates", paramLabel = "LIST|A:B:STEP",
            description = "Rates of the (latency, rate) Pareto set, e.g. 0.1:1:0.1.")
    String rates;

    @Option(names = "--accuracy", paramLabel = "CSV",
            description = "Accuracy per configuration (columns option,rate,accuracy_pct) for the (latency, accuracy)"
                    + " Pareto set.")
    Path accuracy;

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "table",
            description = "table or json (with the dynlat version and commit). Default: ${DEFAULT-VALUE}.")
    String format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The options as a request: every flag rule is checked there. */
    SearchRequest request() {
        return new SearchRequest(target.request(), mode, options, rate, rates, accuracy);
    }

    @Override
    public Integer call() throws JsonProcessingException {
        ResultFormat fmt = ResultFormat.parse(format, ResultFormat.TABLE, ResultFormat.JSON);
        SearchRequest req = request();
        SearchResult r = SearchRun.run(req, new Workspace());
        PrintWriter out = spec.commandLine().getOut();
        if (fmt == ResultFormat.JSON) {
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(
                    ToolVersion.current().addTo(SearchJson.of(r))));
            out.flush();
            return 0;
        }
        out.printf(Locale.ROOT, "%s on %s, batch %d, %s: %s per stage over %d combinations (%s)%n", r.model().name(),
                r.device(), r.batch(), r.paradigm().id(), r.what(), r.space().size(), describe(r.space()));
        out.println("exact: stage latencies are independent (each block is costed from its own stage's option),"
                + " so the optimum takes every stage's fastest option; nothing is pruned.");
        if (r.optimum() != null) {
            printOptimum(out, r.optimum(), r.batch(), r.what(), r.model());
        }
        if (!r.ratePareto().isEmpty()) {
            printRatePareto(out, r.ratePareto(), r.batch());
        }
        if (r.accuracyConfigs() > 0) {
            printAccuracyPareto(out, r.accuracyPareto(), r.accuracyConfigs(), r.batch());
        }
        out.flush();
        return 0;
    }

    /** "[1,2,4,8] x [1,2,4,8] x ...": the candidates of every stage. */
    static String describe(OptionSpace space) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < space.stages(); i++) {
            parts.add(java.util.Arrays.toString(space.stageChoices(i)).replace(" ", ""));
        }
        return String.join(" x ", parts);
    }

    private static void printOptimum(PrintWriter out, GranularitySearch.Result r, int batch, String what,
                                     SweepModel model) {
        out.println();
        out.printf(Locale.ROOT, "rate %.3f: best %s=%s, %.4f ms per batch (%.4f ms per image)%n", r.rate(), what,
                r.best().label(), r.best().latencyMs(), r.best().latencyMs() / batch);
        if (r.combinations() > 1) {
            out.printf(Locale.ROOT, "runner-up %s=%s, %.4f ms per batch: margin %.4f ms (%.2f%%)%n", what,
                    r.runnerUp().label(), r.runnerUp().latencyMs(), r.marginMs(),
                    100 * r.marginMs() / r.best().latencyMs());
        }
        Precision ms = Precision.decimalPlaces(4);
        Table.Builder t = Table.builder().columns(Column.text("stage"), Column.integer("best " + what, ""),
                Column.decimal("latency", "ms/batch", ms), Column.integer("runner-up " + what, ""),
                Column.decimal("runner-up latency", "ms/batch", ms), Column.decimal("margin", "ms/batch", ms));
        for (GranularitySearch.StageChoice c : r.stages()) {
            t.row(model.stages().get(c.stage()).name(), (long) c.best(), c.bestMs(), (long) c.second(), c.secondMs(),
                    c.secondMs() - c.bestMs());
        }
        out.print(new MarkdownTableWriter().render(t.build()));
    }

    private static void printRatePareto(PrintWriter out, List<GranularitySearch.Result> front, int batch) {
        out.println();
        out.println("Pareto set of (latency, rate): the fastest configuration per rate that no higher rate beats");
        Table.Builder t = Table.builder().columns(Column.decimal("rate", "", Precision.decimalPlaces(3)),
                Column.text("best"), Column.decimal("latency", "ms/image", Precision.decimalPlaces(4)),
                Column.text("runner-up"), Column.decimal("margin", "ms/image", Precision.decimalPlaces(4)));
        for (GranularitySearch.Result r : front) {
            t.row(r.rate(), r.best().label(), r.best().latencyMs() / batch, r.runnerUp().label(), r.marginMs() / batch);
        }
        out.print(new MarkdownTableWriter().render(t.build()));
    }

    private static void printAccuracyPareto(PrintWriter out, List<SearchResult.AccuracyPoint> front, int configs,
                                            int batch) {
        out.println();
        out.println("Pareto set of (latency, accuracy) over the " + configs + " configurations of "
                + "the accuracy table");
        Table.Builder t = Table.builder().columns(Column.text("option"),
                Column.decimal("rate", "", Precision.decimalPlaces(3)),
                Column.decimal("accuracy", "%", Precision.decimalPlaces(2)),
                Column.decimal("latency", "ms/image", Precision.decimalPlaces(4)));
        for (SearchResult.AccuracyPoint p : front) {
            t.row(p.entry().option(), p.entry().rate(), p.entry().accuracyPct(), p.latencyMs() / batch);
        }
        out.print(new MarkdownTableWriter().render(t.build()));
    }
}
