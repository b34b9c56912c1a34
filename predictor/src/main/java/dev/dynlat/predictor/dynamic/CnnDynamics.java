package dev.dynlat.predictor.dynamic;

import dev.dynlat.predictor.workload.ResidualBlock;
import dev.dynlat.predictor.workload.Network;
import dev.dynlat.predictor.workload.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** A dynamic paradigm applied to the residual stages of a CNN, stage by stage. */
public record CnnDynamics(Paradigm paradigm, List<StageDynamics> stages) implements Dynamics {
    public CnnDynamics {
        stages = List.copyOf(stages);
    }

    /**
     * The same rate in every block of every stage; {@code perStage} holds S (spatial) or G
     * (channel) per stage and is ignored for the layer paradigm.
     */
    public static CnnDynamics uniform(Paradigm paradigm, Network net, int[] perStage, double rate) {
        List<StageDynamics> out = new ArrayList<>();
        for (int i = 0; i < net.residualStages().size(); i++) {
            Stage st = net.residualStages().get(i);
            double[] rates = new double[st.blocks().size()];
            java.util.Arrays.fill(rates, rate);
            int s = paradigm == Paradigm.SPATIAL ? perStage[i] : 1;
            int g = paradigm == Paradigm.CHANNEL ? perStage[i] : 1;
            out.add(new StageDynamics(true, s, g, rates));
        }
        return new CnnDynamics(paradigm, out);
    }

    /**
     * Checks the dynamics against a network; messages name the field and the value.
     *
     * @throws IllegalArgumentException on the first problem
     */
    public void validate(Network net) {
        if (stages.size() != net.residualStages().size()) {
            throw new IllegalArgumentException("stages: " + net.name() + " has " + net.residualStages().size()
                    + " stages, got " + stages.size());
        }
        for (int i = 0; i < stages.size(); i++) {
            StageDynamics sd = stages.get(i);
            Stage st = net.residualStages().get(i);
            String where = "stage " + (i + 1) + " (" + st.name() + ")";
            double[] rates = sd.rates();
            if (rates.length != st.blocks().size()) {
                throw new IllegalArgumentException("rates: " + where + " has " + st.blocks().size()
                        + " blocks, got " + rates.length + " rates");
            }
            for (int b = 0; b < rates.length; b++) {
                if (!(rates[b] >= 0 && rates[b] <= 1)) {
                    throw new IllegalArgumentException("rate: must be in [0, 1], got " + rates[b] + " for block "
                            + st.blocks().get(b).name());
                }
            }
            if (!sd.dynamic()) {
                continue;
            }
            if (paradigm == Paradigm.SPATIAL) {
                if (sd.granularity() < 1) {
                    throw new IllegalArgumentException("granularity: must be a positive integer, got "
                            + sd.granularity() + " for " + where);
                }
                if (sd.granularity() > st.outSize()) {
                    throw new IllegalArgumentException("granularity: " + sd.granularity() + " is larger than the "
                            + st.outSize() + "x" + st.outSize() + " feature map of " + where);
                }
            }
            if (paradigm == Paradigm.CHANNEL) {
                int g = sd.channelGroup();
                for (ResidualBlock b : st.blocks()) {
                    if (g > b.inChannels()) {
                        // The channel masker has one output per group of the block's input channels.
                        throw new IllegalArgumentException("channel-group: " + g + " is larger than the "
                                + b.inChannels() + " input channels of block " + b.name() + " in " + where);
                    }
                    if (g < 1 || b.width() % g != 0) {
                        throw new IllegalArgumentException("channel-group: " + g + " does not divide the "
                                + b.width() + " channels of " + where);
                    }
                    if (b.groups() > 1 && (b.width() / b.groups()) % g != 0 && g % (b.width() / b.groups()) != 0) {
                        throw new IllegalArgumentException("channel-group: " + g + " does not divide the "
                                + (b.width() / b.groups()) + " channels per conv group of " + where);
                    }
                }
            }
        }
    }

    @Override
    public String describe() {
        String per = stages.stream().map(s -> !s.dynamic() ? "static"
                : paradigm == Paradigm.SPATIAL ? Integer.toString(s.granularity())
                : paradigm == Paradigm.CHANNEL ? Integer.toString(s.channelGroup()) : "L")
                .collect(Collectors.joining("-"));
        double mean = stages.stream().flatMapToDouble(s -> java.util.Arrays.stream(s.rates())).average().orElse(1);
        String label = paradigm == Paradigm.SPATIAL ? " S=" : paradigm == Paradigm.CHANNEL ? " G=" : " ";
        return paradigm.id() + (paradigm == Paradigm.LAYER ? "" : label + per)
                + String.format(Locale.ROOT, " mean rate %.3f", mean);
    }
}
