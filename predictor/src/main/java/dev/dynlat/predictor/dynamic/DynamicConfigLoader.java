package dev.dynlat.predictor.dynamic;

import dev.dynlat.operators.yaml.YamlFields;
import dev.dynlat.operators.yaml.YamlNode;
import dev.dynlat.operators.yaml.YamlParser;
import dev.dynlat.operators.yaml.YamlProblems;
import dev.dynlat.predictor.workload.Network;
import dev.dynlat.predictor.workload.Stage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a per-stage, per-block dynamic configuration for a CNN:
 *
 * <pre>
 * mode: spatial            # spatial | channel | layer
 * stages:
 *   - granularity: 4       # spatial: S of the stage
 *     rates: [0.5, 0.4, 0.6]
 *   - granularity: 4
 *     rate: 0.5            # one rate for every block of the stage
 *   - static: true         # this stage stays dense
 *   - channel_group: 2     # channel mode: G of the stage
 *     rate: 0.3
 * </pre>
 *
 * Every problem is reported as {@code file:line path: message}, all at once.
 */
public final class DynamicConfigLoader {
    private DynamicConfigLoader() {
    }

    /** Loads a config file named by {@code --config}. */
    public static CnnDynamics load(Path file, Network net) {
        return load("--config", file, net);
    }

    /** Loads a config file; {@code option} names it in messages about an unusable file. */
    public static CnnDynamics load(String option, Path file, Network net) {
        return parse(YamlParser.parse(option, file), file.toString(), net);
    }

    public static CnnDynamics parse(String yaml, String source, Network net) {
        return parse(YamlParser.parse(yaml, source), source, net);
    }

    private static CnnDynamics parse(YamlNode root, String source, Network net) {
        YamlProblems problems = new YamlProblems(source);
        YamlFields f = YamlFields.of(root, problems).orElse(null);
        if (f == null) {
            problems.throwIfAny();
        }
        Optional<String> modeText = f.string("mode", true);
        Paradigm paradigm = null;
        if (modeText.isPresent()) {
            try {
                paradigm = Paradigm.parse("mode", modeText.get());
                if (paradigm == Paradigm.STATIC) {
                    problems.add(f.node().entries().get("mode"), "mode must be spatial, channel or layer");
                    paradigm = null;
                }
            } catch (IllegalArgumentException e) {
                problems.add(f.node().entries().get("mode"), "unknown mode '" + modeText.get()
                        + "'; expected spatial, channel or layer");
            }
        }
        Optional<YamlNode.Sequence> stagesNode = f.sequence("stages", true);
        Optional<YamlFields> blocksNode = f.mapping("blocks", false);
        f.finish();
        List<StageDynamics> stages = new ArrayList<>();
        if (stagesNode.isPresent()) {
            YamlNode.Sequence seq = stagesNode.get();
            if (seq.items().size() != net.residualStages().size()) {
                problems.add(seq, net.name() + " has " + net.residualStages().size() + " stages, the list has "
                        + seq.items().size());
            }
            for (int i = 0; i < seq.items().size(); i++) {
                Stage st = i < net.residualStages().size() ? net.residualStages().get(i) : null;
                stages.add(stage(seq.items().get(i), st, paradigm, problems));
            }
        }
        blocksNode.ifPresent(b -> byId(b, net, stages, problems));
        problems.throwIfAny();
        CnnDynamics dyn = new CnnDynamics(paradigm, stages);
        try {
            dyn.validate(net);
        } catch (IllegalArgumentException e) {
            problems.add(root, e.getMessage());
            problems.throwIfAny();
        }
        return dyn;
    }

    /**
     * {@code blocks: {layer3.4: 0.3}} sets the rate of single blocks by id, over their stage's
     * rates (the stage must be dynamic).
     */
    private static void byId(YamlFields blocks, Network net, List<StageDynamics> stages, YamlProblems problems) {
        List<Stage> residual = net.residualStages();
        for (Map.Entry<String, YamlNode> e : blocks.node().entries().entrySet()) {
            blocks.has(e.getKey());
            int stage = -1;
            int index = -1;
            for (int i = 0; i < residual.size() && stage < 0; i++) {
                List<dev.dynlat.predictor.workload.ResidualBlock> bs = residual.get(i).blocks();
                for (int b = 0; b < bs.size(); b++) {
                    if (bs.get(b).name().equals(e.getKey())) {
                        stage = i;
                        index = b;
                    }
                }
            }
            if (stage < 0) {
                problems.add(blocks.node().keyLines().get(e.getKey()), blocks.node().path() + "." + e.getKey(),
                        "no dynamic block '" + e.getKey() + "' in " + net.name());
                continue;
            }
            Optional<Double> rate = YamlFields.toNumber(e.getValue(), 0, 1, problems);
            if (rate.isEmpty() || stage >= stages.size() || stages.get(stage) == null) {
                continue;
            }
            StageDynamics sd = stages.get(stage);
            if (!sd.dynamic()) {
                problems.add(e.getValue(), "block '" + e.getKey() + "' is in a static stage");
                continue;
            }
            double[] rates = sd.rates();
            rates[index] = rate.get();
            stages.set(stage, new StageDynamics(true, sd.granularity(), sd.channelGroup(), rates));
        }
    }

    private static StageDynamics stage(YamlNode node, Stage st, Paradigm paradigm, YamlProblems problems) {
        Optional<YamlFields> of = YamlFields.of(node, problems);
        if (of.isEmpty()) {
            return null;
        }
        YamlFields f = of.get();
        int blocks = st == null ? 0 : st.blocks().size();
        boolean isStatic = f.bool("static", false).orElse(false);
        if (isStatic) {
            f.finish();
            return StageDynamics.staticStage(blocks);
        }
        int granularity = 1;
        int group = 1;
        if (paradigm == Paradigm.SPATIAL) {
            granularity = f.integer("granularity", true, 1, st == null ? Integer.MAX_VALUE : st.outSize()).orElse(1);
        }
        if (paradigm == Paradigm.CHANNEL) {
            group = f.integer("channel_group", true, 1, Integer.MAX_VALUE).orElse(1);
        }
        double[] rates = new double[blocks];
        boolean hasRate = f.has("rate");
        boolean hasRates = f.has("rates");
        if (hasRate == hasRates) {
            problems.add(node, "give either 'rate' (one for all blocks) or 'rates' (one per block)");
        } else if (hasRate) {
            double r = f.number("rate", true, 0, 1).orElse(1.0);
            java.util.Arrays.fill(rates, r);
        } else {
            YamlNode.Sequence list = f.sequence("rates", true).orElse(null);
            if (list != null) {
                if (list.items().size() != blocks) {
                    problems.add(list, "stage " + (st == null ? "?" : st.name()) + " has " + blocks
                            + " blocks, got " + list.items().size() + " rates");
                }
                for (int b = 0; b < Math.min(blocks, list.items().size()); b++) {
                    rates[b] = YamlFields.toNumber(list.items().get(b), 0, 1, problems).orElse(1.0);
                }
            }
        }
        f.finish();
        return new StageDynamics(true, granularity, group, rates);
    }
}
