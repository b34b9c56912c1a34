package dev.dynlat.predictor.execution;

import dev.dynlat.predictor.dynamic.CnnDynamics;
import dev.dynlat.predictor.dynamic.Dynamics;
import dev.dynlat.predictor.dynamic.Paradigm;
import dev.dynlat.predictor.engine.Workload;
import dev.dynlat.predictor.workload.Network;
import dev.dynlat.predictor.workload.NetworkZoo;
import dev.dynlat.predictor.workload.Stage;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One whole-network configuration of the validation set: a zoo model at its own input size, a
 * paradigm with its per-stage option (granularity S or channel group G), a rate, a batch.
 *
 * @param model     zoo name
 * @param paradigm  static, spatial, channel or layer
 * @param perStage  S or G per residual stage (ignored for static and layer)
 * @param rate      activation rate (1 for static)
 * @param batch     images per inference
 * @param inputSize input side in pixels; 0 for the model's own
 */
public record ValidationCase(String model, Paradigm paradigm, int[] perStage, double rate, int batch, int inputSize) {
    public ValidationCase {
        perStage = perStage.clone();
        if (inputSize < 0) {
            throw new IllegalArgumentException("inputSize: must be >= 0, got " + inputSize);
        }
    }

    /** At the model's own input size. */
    public ValidationCase(String model, Paradigm paradigm, int[] perStage, double rate, int batch) {
        this(model, paradigm, perStage, rate, batch, 0);
    }

    /** The same configuration at another batch. */
    public ValidationCase withBatch(int otherBatch) {
        return new ValidationCase(model, paradigm, perStage, rate, otherBatch, inputSize);
    }

    @Override
    public int[] perStage() {
        return perStage.clone();
    }

    /**
     * Unique label, e.g. {@code resnet50 b8 spatial S=4-4-2-1 r=0.50}; a model at another input
     * size than its own is named with it ({@code resnet50@256}).
     */
    public String key() {
        String opt = Arrays.stream(perStage).mapToObj(Integer::toString).collect(Collectors.joining("-"));
        String name = inputSize == 0 ? model : model + "@" + inputSize;
        return switch (paradigm) {
            case STATIC -> String.format(Locale.ROOT, "%s b%d static", name, batch);
            case SPATIAL -> String.format(Locale.ROOT, "%s b%d spatial S=%s r=%.2f", name, batch, opt, rate);
            case CHANNEL -> String.format(Locale.ROOT, "%s b%d channel G=%d r=%.2f", name, batch, perStage[0], rate);
            case LAYER -> String.format(Locale.ROOT, "%s b%d layer r=%.2f", name, batch, rate);
        };
    }

    /** Whether the configuration skips work. */
    public boolean dynamic() {
        return paradigm != Paradigm.STATIC;
    }

    public Workload workload() {
        Network net = inputSize == 0 ? NetworkZoo.get(model) : NetworkZoo.get(model, inputSize);
        Dynamics d = paradigm == Paradigm.STATIC ? Dynamics.NONE
                : CnnDynamics.uniform(paradigm, net, optionsFor(net), rate);
        return new Workload(net, d);
    }

    /**
     * The per-stage option of each residual stage of {@code net}: {@code perStage} names the option
     * at the ResNet resolutions 56, 28, 14 and 7 (S = 4-4-2-1 is LAUDNet's), so a stage takes the
     * entry of its output size (larger maps that of 56, smaller that of 7), a granularity capped at
     * the map.
     */
    int[] optionsFor(Network net) {
        List<Stage> stages = net.residualStages();
        int[] out = new int[stages.size()];
        for (int i = 0; i < out.length; i++) {
            int size = stages.get(i).outSize();
            int slot = size >= 56 ? 0 : size >= 28 ? 1 : size >= 14 ? 2 : 3;
            out[i] = paradigm == Paradigm.SPATIAL ? Math.min(perStage[slot], size) : perStage[slot];
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ValidationCase c && key().equals(c.key());
    }

    @Override
    public int hashCode() {
        return key().hashCode();
    }

    @Override
    public String toString() {
        return key();
    }
}
