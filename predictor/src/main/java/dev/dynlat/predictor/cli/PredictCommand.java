package dev.dynlat.predictor.cli;

import dev.dynlat.operators.profile.DeviceProfile;
import dev.dynlat.predictor.dynamic.CnnDynamics;
import dev.dynlat.predictor.dynamic.Dynamics;
import dev.dynlat.predictor.dynamic.DynamicConfigLoader;
import dev.dynlat.predictor.dynamic.Paradigm;
import dev.dynlat.predictor.dynamic.VitDynamics;
import dev.dynlat.predictor.engine.Prediction;
import dev.dynlat.predictor.engine.Predictor;
import dev.dynlat.predictor.engine.Workload;
import dev.dynlat.predictor.distribution.DecisionReport;
import dev.dynlat.predictor.distribution.RateDecisions;
import dev.dynlat.predictor.format.CsvFormatter;
import dev.dynlat.predictor.format.DecisionFormatter;
import dev.dynlat.predictor.format.JsonFormatter;
import dev.dynlat.predictor.format.PredictionSummary;
import dev.dynlat.predictor.format.TableFormatter;
import dev.dynlat.predictor.workload.Network;
import dev.dynlat.reports.io.OutputSet;
import dev.dynlat.reports.io.OutputTarget;
import dev.dynlat.reports.chart.ChartSize;
import dev.dynlat.reports.chart.ChartFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
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

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String fmt = format.toLowerCase(Locale.ROOT);
        if (!fmt.equals("table") && !fmt.equals("json") && !fmt.equals("csv")) {
            throw new IllegalArgumentException("format: unknown format '" + format + "'; expected table, json or csv");
        }
        target.checkBatch();
        DecisionOptions decide = new DecisionOptions(exits, keepProbs, policy, policies, decisions, chart);
        decide.checkChart();
        try (OutputSet outputs = new OutputSet()) {
            OutputTarget outTarget = out == null ? null : outputs.add("--out", out);
            OutputTarget chartTarget = chart == null ? null : outputs.add("--chart", chart);
            Rendered r = render(fmt, decide);
            if (chartTarget != null) {
                outputs.prepare(chartTarget, ChartFiles.body(DecisionFormatter.histogramChart(r.title(), r.report()),
                        chart, ChartSize.DEFAULT));
            }
            if (chartTarget == null) {
                CliOutputs.emit(spec, outputs, outTarget, r.text());
            } else {
                if (outTarget != null) {
                    outputs.prepareText(outTarget, r.text());
                }
                outputs.commit(CliOutputs.stdout(spec));
                if (outTarget == null) {
                    spec.commandLine().getOut().print(r.text());
                    spec.commandLine().getOut().flush();
                }
            }
        }
        return 0;
    }

    /** The rendered output and, for networks with per-input decisions, their report. */
    private record Rendered(String text, DecisionReport report, String title) {
    }

    private Rendered render(String fmt, DecisionOptions decide) {
        Network network = target.network();
        DeviceProfile profile = target.profile();
        HostCheck.warnIfOtherHost(profile, spec.commandLine().getErr());
        DecisionOptions.Resolved resolved = decide.resolve(network);
        if (resolved != null && resolved.rateRows()) {
            if ("static".equalsIgnoreCase(mode) || rate != null || config != null) {
                throw new IllegalArgumentException("decisions: per-input rates need --mode spatial, channel or layer"
                        + " (with its --granularity/--channel-group) and no --rate or --config");
            }
            rate = resolved.meanRate();
        }
        Workload workload = new Workload(network, resolved != null && resolved.given()
                ? resolved.dynamics() : dynamics(network));
        if (resolved != null && resolved.given() && !modeless()) {
            throw new IllegalArgumentException("exits/keep-probs/policy/policies/decisions: per-input decisions cannot"
                    + " be combined with --mode, --rate, --config or the ViT rates");
        }
        Predictor predictor = target.predictor(profile);
        Prediction p = predictor.predict(workload);
        Prediction ref = workload.dynamics().isStatic() ? null : predictor.predict(workload.staticCounterpart());
        var band = p.variant().equals(dev.dynlat.operators.model.ModelVariant.CALIBRATED.id())
                ? profile.calibrated().map(k -> k.calibration()).filter(r -> r.hasInterval()) : java.util.Optional
                .<dev.dynlat.operators.profile.CalibratedCoefficients.CalibrationRecord>empty();
        PredictionSummary summary = new PredictionSummary(p, ref, band.map(r -> r.intervalLow()).orElse(0.0),
                band.map(r -> r.intervalHigh()).orElse(0.0));
        DecisionReport report = resolved == null ? null : resolved.rateRows()
                ? RateDecisions.report(predictor, network, (CnnDynamics) workload.dynamics(), resolved.rates())
                : resolved.report(predictor, workload);
        String text = switch (fmt) {
            case "json" -> report == null ? JsonFormatter.format(summary)
                    : JsonFormatter.format(summary, root -> DecisionFormatter.json(root, report));
            case "csv" -> report == null ? CsvFormatter.format(summary)
                    : DecisionFormatter.csv(p.model(), p.device(), report);
            default -> TableFormatter.format(summary, detail) + (report == null ? "" : DecisionFormatter.table(report));
        };
        return new Rendered(text, report, p.model() + " on " + p.device() + ": per-input latency at batch 1");
    }

    private boolean modeless() {
        return "static".equalsIgnoreCase(mode) && rate == null && config == null && granularity == null
                && channelGroup == null && tokenRate == null && headRate == null && layerRate == null;
    }

    private Dynamics dynamics(Network network) {
        boolean vitRates = tokenRate != null || headRate != null || layerRate != null;
        Paradigm paradigm = Paradigm.parse("mode", mode);
        if (vitRates) {
            if (paradigm != Paradigm.STATIC || rate != null || config != null) {
                throw new IllegalArgumentException("token-rate/head-rate/layer-rate: ViT skipping cannot be combined"
                        + " with --mode, --rate or --config");
            }
            return new VitDynamics(checkRate("token-rate", tokenRate), checkRate("head-rate", headRate),
                    checkRate("layer-rate", layerRate));
        }
        if (config != null) {
            if (paradigm != Paradigm.STATIC || rate != null || granularity != null || channelGroup != null) {
                throw new IllegalArgumentException("config: use either --config or --mode/--rate/--granularity/"
                        + "--channel-group, not both");
            }
            if (network.residualStages().isEmpty()) {
                throw new IllegalArgumentException("config: dynamic configs apply to residual CNN blocks, and "
                        + network.name() + " has none");
            }
            return DynamicConfigLoader.load("--config", config, network);
        }
        if (paradigm == Paradigm.STATIC) {
            if (rate != null || granularity != null || channelGroup != null) {
                throw new IllegalArgumentException("mode: --rate/--granularity/--channel-group need --mode spatial,"
                        + " channel or layer");
            }
            return Dynamics.NONE;
        }
        Network net = network;
        if (net.residualStages().isEmpty()) {
            throw new IllegalArgumentException("mode: " + paradigm.id() + " skipping applies to residual CNN blocks,"
                    + " and " + network.name() + " has none" + (network.encoders().isEmpty() ? ""
                    : "; use --token-rate/--head-rate/--layer-rate"));
        }
        if (rate == null) {
            throw new IllegalArgumentException("rate: required with --mode " + paradigm.id());
        }
        checkRate("rate", rate);
        int stages = net.residualStages().size();
        int[] perStage = new int[stages];
        java.util.Arrays.fill(perStage, 1);
        if (paradigm == Paradigm.SPATIAL) {
            if (granularity == null) {
                throw new IllegalArgumentException("granularity: required with --mode spatial (e.g. 4,4,2,1)");
            }
            perStage = perStageList("granularity", granularity, stages);
        } else if (granularity != null) {
            throw new IllegalArgumentException("granularity: only applies to --mode spatial");
        }
        if (paradigm == Paradigm.CHANNEL) {
            if (channelGroup != null) {
                perStage = perStageList("channel-group", channelGroup, stages);
            }
        } else if (channelGroup != null) {
            throw new IllegalArgumentException("channel-group: only applies to --mode channel");
        }
        return CnnDynamics.uniform(paradigm, net, perStage, rate);
    }

    private static Double checkRate(String field, Double r) {
        if (r != null && !(r >= 0 && r <= 1)) {
            throw new IllegalArgumentException(field + ": must be in [0, 1], got " + r);
        }
        return r;
    }

    /** Parses "4,4,2,1" (or one value for every stage) into positive integers. */
    static int[] perStageList(String field, String text, int stages) {
        String[] parts = text.split(",", -1);
        if (parts.length != 1 && parts.length != stages) {
            throw new IllegalArgumentException(field + ": expected 1 or " + stages + " values, got " + parts.length
                    + " ('" + text + "')");
        }
        int[] out = new int[stages];
        for (int i = 0; i < stages; i++) {
            String p = parts[parts.length == 1 ? 0 : i].strip();
            int v;
            try {
                v = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(field + ": '" + p + "' is not a positive integer");
            }
            if (v <= 0) {
                throw new IllegalArgumentException(field + ": must be a positive integer, got " + v);
            }
            out[i] = v;
        }
        return out;
    }
}
