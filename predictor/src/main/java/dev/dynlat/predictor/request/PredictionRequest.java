package dev.dynlat.predictor.request;

import dev.dynlat.predictor.dynamic.CnnDynamics;
import dev.dynlat.predictor.dynamic.DynamicConfigLoader;
import dev.dynlat.predictor.dynamic.Dynamics;
import dev.dynlat.predictor.dynamic.Paradigm;
import dev.dynlat.predictor.dynamic.VitDynamics;
import dev.dynlat.predictor.workload.Network;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One prediction as asked for, by the CLI's {@code predict}, the library or {@code dynlat serve}:
 * the target, the dynamic configuration (a paradigm with its rate and per-stage granularity or
 * channel group, a config file, ViT rates, or per-input decisions) and how to show the result.
 * Every rule about which options go together lives here: the flag-only rules are checked when the
 * record is built, the rules that need the network in {@link #dynamics} and {@link #decisionOptions}.
 * Rates are fractions in [0, 1].
 *
 * @param mode static, spatial, channel or layer, as typed (null: static)
 * @param granularity spatial S per stage as typed ({@code 4,4,2,1} or one value), or null
 * @param channelGroup channel group G per stage as typed, or null
 * @param chart a per-input histogram file the caller will write (its extension is checked here), or null
 */
public record PredictionRequest(TargetRequest target, String mode, String granularity, String channelGroup,
                                Double rate, Path config, Double tokenRate, Double headRate, Double layerRate,
                                String exits, String keepProbs, String policy, Path policies, Path decisions,
                                Path chart, ResultFormat format, boolean detail) {
    /** The formats a prediction is written in. */
    public static final ResultFormat[] FORMATS = {ResultFormat.TABLE, ResultFormat.JSON, ResultFormat.CSV};

    public PredictionRequest {
        mode = mode == null ? "static" : mode;
        format = format == null ? ResultFormat.TABLE : format;
        if (!Arrays.asList(FORMATS).contains(format)) {
            // Built from text through ResultFormat.parse(text, FORMATS), which names the value; this is the library's guard.
            throw new IllegalArgumentException("format: a prediction is written as table, json or csv, not "
                    + format.id());
        }
        target.checkBatch();
        // The parameters, not the accessors: fields are assigned after a compact constructor.
        new DecisionOptions(exits, keepProbs, policy, policies, decisions, chart).checkChart();
    }

    /** The per-input decision options (exits, keep-probs, policy, policies, decisions, chart). */
    public DecisionOptions decisionOptions() {
        return new DecisionOptions(exits, keepProbs, policy, policies, decisions, chart);
    }

    /** Whether no dynamic option was given (per-input decisions alone may then apply). */
    public boolean modeless() {
        return "static".equalsIgnoreCase(mode) && rate == null && config == null && granularity == null
                && channelGroup == null && tokenRate == null && headRate == null && layerRate == null;
    }

    /**
     * The dynamics of the network; {@code rateOverride} replaces {@link #rate} (the mean rate of
     * per-input rate rows), null keeps it.
     */
    public Dynamics dynamics(Network network, Double rateOverride) {
        Double rate = rateOverride != null ? rateOverride : this.rate;
        boolean vitRates = tokenRate != null || headRate != null || layerRate != null;
        Paradigm paradigm = Paradigm.parse("mode", mode);
        if (vitRates) {
            if (paradigm != Paradigm.STATIC || rate != null || config != null) {
                throw new IllegalArgumentException("token-rate/head-rate/layer-rate: ViT skipping cannot be combined"
                        + " with --mode, --rate or --config");
            }
            return new VitDynamics(RateList.check("token-rate", tokenRate), RateList.check("head-rate", headRate),
                    RateList.check("layer-rate", layerRate));
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
        if (network.residualStages().isEmpty()) {
            throw new IllegalArgumentException("mode: " + paradigm.id() + " skipping applies to residual CNN blocks,"
                    + " and " + network.name() + " has none" + (network.encoders().isEmpty() ? ""
                    : "; use --token-rate/--head-rate/--layer-rate"));
        }
        if (rate == null) {
            throw new IllegalArgumentException("rate: required with --mode " + paradigm.id());
        }
        RateList.check("rate", rate);
        int stages = network.residualStages().size();
        int[] perStage = new int[stages];
        Arrays.fill(perStage, 1);
        if (paradigm == Paradigm.SPATIAL) {
            if (granularity == null) {
                throw new IllegalArgumentException("granularity: required with --mode spatial (e.g. 4,4,2,1)");
            }
            perStage = PerStageList.parse("granularity", granularity, stages);
        } else if (granularity != null) {
            throw new IllegalArgumentException("granularity: only applies to --mode spatial");
        }
        if (paradigm == Paradigm.CHANNEL) {
            if (channelGroup != null) {
                perStage = PerStageList.parse("channel-group", channelGroup, stages);
            }
        } else if (channelGroup != null) {
            throw new IllegalArgumentException("channel-group: only applies to --mode channel");
        }
        return CnnDynamics.uniform(paradigm, network, perStage, rate);
    }
}
