package dev.dynlat.predictor.cli;

import dev.dynlat.predictor.format.DecisionFormatter;
import dev.dynlat.predictor.request.PredictionRequest;
import dev.dynlat.predictor.request.PredictionResult;
import dev.dynlat.predictor.request.PredictionRun;
import dev.dynlat.predictor.request.ResultFormat;
import dev.dynlat.predictor.request.Workspace;
import dev.dynlat.reports.io.OutputSet;
import dev.dynlat.reports.io.OutputTarget;
import dev.dynlat.reports.chart.ChartFiles;
import dev.dynlat.reports.chart.FigureStyle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dynlat predict}: one network on one device, static or dynamic. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Predict the latency of a network on a device.",
            "Static:  dynlat predict --model resnet101 --device v100",
            "Spatial: dynlat predict --model resnet101 --device v100 --mode spatial --granularity 4,4,2,1 --rate 0.5",
            "Channel: dynlat predict --model resnet50 --device tx2 --mode channel --channel-group 2 --rate 0.5",
            "Layer:   dynlat predict --model resnet101 --device v100 --mode layer --rate 0.5",
            "ViT:     dynlat predict --model t2t-vit-19 --device v100 --token-rate 0.7 --head-rate 0.857 --layer-rate 0.8"})
public final class PredictCommand implements Callable<Integer> {

    @Mixin
    TargetOptions target;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "static",
            description = "static, spatial, channel or layer (CNNs). Default: ${DEFAULT-VALUE}.")
    String mode;

    @Option(names = "--granularity", paramLabel = "S[,S...]",
            description = "Spatial granularity S per stage (one value: every stage).")
    String granularity;

    @Option(names = "--channel-group", paramLabel = "G[,G...]",
            description = "Channels per dynamic channel group per stage (one value: every stage). Default 1.")
    String channelGroup;

    @Option(names = "--rate", paramLabel = "R",
            description = "Activation rate in [0,1] of every block (spatial/channel: kept fraction; layer: run probability).")
    Double rate;

    @Option(names = "--config", paramLabel = "FILE", description = "Per-stage, per-block dynamic config (YAML).")
    Path config;

    @Option(names = "--token-rate", paramLabel = "R", description = "ViT: fraction of tokens kept.")
    Double tokenRate;

    @Option(names = "--head-rate", paramLabel = "R", description = "ViT: fraction of attention heads kept.")
    Double headRate;

    @Option(names = "--layer-rate", paramLabel = "R", description = "ViT: probability that attention / MLP run.")
    Double layerRate;

    @Option(names = "--exits", paramLabel = "P1,P2,...",
            description = "Early exits: proportion of inputs leaving at each exit (sum 1), e.g. 0.5,0.3,0.1,0.05,0.05.")
    String exits;

    @Option(names = "--keep-probs", paramLabel = "P[,P...]",
            description = "Policy-decided blocks (BlockDrop): probability that each block runs (one value: every block).")
    String keepProbs;

    @Option(names = "--policy", paramLabel = "BITS",
            description = "One policy: a bit string, one bit per decided block (1 = runs).")
    String policy;

    @Option(names = "--policies", paramLabel = "FILE", description = "A file of policies, one bit string per input.")
    Path policies;

    @Option(names = "--decisions", paramLabel = "FILE",
            description = "A CSV of per-input decisions: header 'exit' (1-based) and/or 'policy', one row per input.")
    Path decisions;

    @Option(names = "--chart", paramLabel = "FILE",
            description = "Write the per-input latency histogram as a chart (.svg, .png or .pdf).")
    Path chart;

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "table",
            description = "table, json or csv. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--detail", description = "Table format: list every block's operators.")
    boolean detail;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output (- or a FIFO: streamed;"
            + " a symlink: its target; an existing file is replaced only when the output is complete).")
    Path out;

    @Mixin
    FigureOptions figure;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The options as a request: the flag-only rules (format, batch, chart extension) are checked here. */
    PredictionRequest request() {
        return new PredictionRequest(target.request(), mode, granularity, channelGroup, rate, config, tokenRate,
                headRate, layerRate, exits, keepProbs, policy, policies, decisions, chart,
                ResultFormat.parse(format, PredictionRequest.FORMATS), detail);
    }

    @Override
    public Integer call() throws IOException {
        PredictionRequest req = request();
        // A bad --size or --font is refused before anything runs.
        FigureStyle style = chart == null ? null : figure.style();
        try (OutputSet outputs = new OutputSet()) {
            OutputTarget outTarget = out == null ? null : outputs.add("--out", out);
            OutputTarget chartTarget = chart == null ? null : outputs.add("--chart", chart);
            CsvSidecar sidecar = CsvSidecar.beside(outputs, req.format() == ResultFormat.CSV ? outTarget : null,
                    spec.commandLine().getErr());
            PredictionResult r = PredictionRun.run(req, new Workspace(),
                    profile -> HostCheck.warnIfOtherHost(profile, spec.commandLine().getErr()));
            String text = PredictionOutput.text(r, req.format(), req.detail());
            sidecar.prepare();
            if (chartTarget != null) {
                outputs.prepare(chartTarget, ChartFiles.body(DecisionFormatter.distributionChart(r.chartTitle(),
                        r.report()), chart, style));
            }
            if (chartTarget == null) {
                CliOutputs.emit(spec, outputs, outTarget, text);
            } else {
                if (outTarget != null) {
                    outputs.prepareText(outTarget, text);
                }
                outputs.commit(CliOutputs.stdout(spec));
                if (outTarget == null) {
                    spec.commandLine().getOut().print(text);
                    spec.commandLine().getOut().flush();
                }
            }
        }
        return 0;
    }
}
