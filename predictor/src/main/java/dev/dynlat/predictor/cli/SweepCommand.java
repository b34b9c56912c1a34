package dev.dynlat.predictor.cli;

import dev.dynlat.operators.input.InputBounds;
import dev.dynlat.operators.input.DecimalText;
import dev.dynlat.operators.profile.DeviceProfile;
import dev.dynlat.predictor.dynamic.Paradigm;
import dev.dynlat.predictor.engine.Prediction;
import dev.dynlat.predictor.engine.Predictor;
import dev.dynlat.predictor.sweep.RateSweep;
import dev.dynlat.predictor.sweep.SweepPoint;
import dev.dynlat.predictor.workload.Network;
import dev.dynlat.predictor.workload.Network;
import dev.dynlat.reports.chart.Axis;
import dev.dynlat.reports.chart.ChartFiles;
import dev.dynlat.reports.chart.ChartFormat;
import dev.dynlat.reports.chart.ChartSize;
import dev.dynlat.reports.chart.LineChartSpec;
import dev.dynlat.reports.chart.ReferenceLine;
import dev.dynlat.reports.chart.Series;
import dev.dynlat.reports.io.OutputSet;
import dev.dynlat.reports.io.OutputTarget;
import dev.dynlat.reports.table.Column;
import dev.dynlat.reports.table.MarkdownTableWriter;
import dev.dynlat.reports.table.Precision;
import dev.dynlat.reports.table.Table;
import dev.dynlat.reports.table.TableFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
    private static final int MAX_RATES = InputBounds.RATES.max();

    @Mixin
    TargetOptions target;



    @Option(names = "--mode", paramLabel = "MODE", description = "spatial, channel or layer.")
    String mode;

    @Option(names = "--spec", paramLabel = "FILE", description = "Sweep spec (YAML): models, devices, batches,"
            + " variants, paradigms, per-stage options and rates; rows stream to --out (.csv or .jsonl), resumable.")
    Path specFile;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads of a spec sweep (default: all cores).")
    Integer threads;

    @Option(names = "--options", paramLabel = "V[,V...]", defaultValue = "1,2,4,8",
            description = "S (spatial) or G (channel) values; each applies to every stage, S capped at the stage's"
                    + " map. Default: ${DEFAULT-VALUE}.")
    String options;

    @Option(names = "--rates", paramLabel = "LIST|A:B:STEP", defaultValue = "0.1:1:0.1",
            description = "Rates in [0,1]: a list (0.25,0.5) or start:stop:step. Default: ${DEFAULT-VALUE}.")
    String rates;




    @Option(names = "--out", paramLabel = "FILE", description = "Table of every point (.csv, .md or .tex).")
    Path out;

    @Option(names = "--chart", paramLabel = "FILE", description = "Latency per image vs rate (.svg, .png or .pdf).")
    Path chart;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (specFile != null) {
            return new SpecSweep(specFile, out, chart, target.anyGiven() || mode != null, threads).run(spec.commandLine().getErr());
        }
        if (threads != null) {
            // The flag-form sweep runs on the calling thread: a --threads it would ignore is refused.
            throw new IllegalArgumentException("threads: --threads " + threads + " applies to spec sweeps (--spec FILE)"
                    + " only; the flag-form sweep runs on one thread");
        }
        if (mode == null) {
            throw new IllegalArgumentException("Missing required option: '--mode=MODE' (or --spec FILE)");
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
        target.checkBatch();
        try (OutputSet outputs = new OutputSet()) {
            OutputTarget outTarget = out == null ? null : outputs.add("--out", out);
            OutputTarget chartTarget = chart == null ? null : outputs.add("--chart", chart);
            sweep(outputs, outTarget, chartTarget);
        }
        return 0;
    }

    /** Runs the sweep, prepares both outputs, then commits them together and prints the summary. */
    private void sweep(OutputSet outputs, OutputTarget outTarget, OutputTarget chartTarget) throws IOException {
        Paradigm paradigm = Paradigm.parse("mode", mode);
        Network net = target.network();
        if (net.residualStages().isEmpty()) {
            throw new IllegalArgumentException("model: sweeps apply to CNNs with residual blocks, not to "
                    + net.name());
        }
        int[] opts = PredictCommand.perStageList("options", options, options.split(",", -1).length);
        double[] rateGrid = parseRates(rates);
        DeviceProfile profile = target.profile();
        Predictor predictor = target.predictor(profile);
        String model = net.name();
        RateSweep sweep = new RateSweep(predictor, net, paradigm);
        List<SweepPoint> points = sweep.run(opts, rateGrid);
        Prediction dense = sweep.staticPrediction();
        int b = predictor.batch();

        Table table = table(model, points, dense, profile.name(), dense.variant(), b, paradigm);
        if (outTarget != null) {
            outputs.prepareText(outTarget, TableFormat.fromPath(out).writer().render(table));
        }
        if (chartTarget != null) {
            outputs.prepare(chartTarget, ChartFiles.body(LineChartSpec.of(model + " on " + profile.name() + " ("
                            + paradigm.id() + ", batch " + b + ")",
                    new Axis("activation rate", ""), new Axis("latency per image", "ms"),
                    Series.groupedBy(table, "option", "rate", "latency_per_image_ms"))
                    .withReferenceLine(new ReferenceLine(dense.latencyPerImageMs(), "static")), chart, ChartSize.DEFAULT));
        }
        outputs.commit(CliOutputs.stdout(spec));
        var stdout = spec.commandLine().getOut();
        if (out == null) {
            stdout.print(new MarkdownTableWriter().render(table));
            stdout.println();
        }
        stdout.print(new MarkdownTableWriter().render(best(sweep, points, rateGrid, dense, b, paradigm)));
        stdout.flush();
    }

    private static Table table(String model, List<SweepPoint> points, Prediction dense, String dev, String variantId,
                               int b, Paradigm paradigm) {
        Precision ms = Precision.significant(6);
        Table.Builder t = Table.builder().columns(Column.text("model"), Column.text("device"), Column.text("variant"),
                Column.integer("batch", ""), Column.text("mode"), Column.text("option"),
                Column.decimal("rate", "", Precision.decimalPlaces(3)), Column.decimal("latency_ms", "", ms),
                Column.decimal("latency_per_image_ms", "", ms), Column.decimal("blocks_latency_ms", "", ms),
                Column.decimal("static_latency_ms", "", ms), Column.decimal("speedup", "", Precision.decimalPlaces(3)));
        for (SweepPoint p : points) {
            t.row(model, dev, variantId, (long) b, paradigm.id(), p.option(), p.rate(), p.latencyMs(),
                    p.latencyMs() / b, p.blocksLatencyMs(), dense.latencyMs(), dense.latencyMs() / p.latencyMs());
        }
        return t.build();
    }

    private static Table best(RateSweep sweep, List<SweepPoint> points, double[] rateGrid, Prediction dense, int b,
                              Paradigm paradigm) {
        Table.Builder t = Table.builder().columns(Column.decimal("rate", "", Precision.decimalPlaces(3)),
                Column.text("best uniform"), Column.decimal("latency", "ms/image", Precision.decimalPlaces(4)),
                Column.text("best per stage"), Column.decimal("latency per stage", "ms/image", Precision.decimalPlaces(4)),
                Column.decimal("speedup vs static", "", Precision.decimalPlaces(3)));
        for (double r : new LinkedHashSet<>(boxed(rateGrid))) {
            SweepPoint uniform = points.stream().filter(p -> p.rate() == r)
                    .min(java.util.Comparator.comparingDouble(SweepPoint::latencyMs)).orElseThrow();
            SweepPoint staged = paradigm == Paradigm.LAYER ? uniform : sweep.bestPerStage(points, r);
            t.row(r, uniform.option(), uniform.latencyMs() / b, staged.option(), staged.latencyMs() / b,
                    dense.latencyMs() / staged.latencyMs());
        }
        return t.build();
    }

    private static List<Double> boxed(double[] xs) {
        List<Double> out = new ArrayList<>();
        for (double x : xs) {
            out.add(x);
        }
        return out;
    }

    /** "0.25,0.5" or "start:stop:step" (inclusive, rounded to 1e-9 so 0.1 steps land on 1.0). */
    static double[] parseRates(String text) {
        List<Double> values = new ArrayList<>();
        if (text.contains(":")) {
            String[] p = text.split(":", -1);
            if (p.length != 3) {
                throw new IllegalArgumentException("rates: expected start:stop:step, got '" + text + "'");
            }
            double start = number(p[0]);
            double stop = number(p[1]);
            double step = number(p[2]);
            if (!(step > 0)) {
                throw new IllegalArgumentException("rates: step must be positive, got " + p[2]);
            }
            long n = (long) Math.floor((stop - start) / step + 1e-9) + 1;
            if (n < 1 || n > MAX_RATES) {
                throw new IllegalArgumentException("rates: '" + text + "' gives " + Math.max(n, 0) + " rates; expected 1 to "
                        + MAX_RATES);
            }
            for (long i = 0; i < n; i++) {
                values.add(Math.round((start + i * step) * 1e9) / 1e9);
            }
        } else {
            for (String s : text.split(",", -1)) {
                values.add(number(s));
            }
        }
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            double r = values.get(i);
            if (!(r >= 0 && r <= 1)) {
                throw new IllegalArgumentException("rates: must be in [0, 1], got " + r);
            }
            out[i] = r;
        }
        return out;
    }

    private static double number(String s) {
        if (!DecimalText.isDecimal(s.strip())) {
            throw new IllegalArgumentException("rates: '" + s.strip() + "' is not a number");
        }
        return Double.parseDouble(s.strip());
    }
}
