package dev.dynlat.predictor.dynamic;

import dev.dynlat.predictor.workload.EncoderSkipping;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * AdaViT-style skipping in a ViT's blocks: the fraction of tokens kept, of heads kept, and the
 * probability that the attention / MLP part of a block runs. A null rate means that kind of
 * skipping is off (no policy network is paid for it). The first block stays dense, as in AdaViT.
 */
public record VitDynamics(Double tokenRate, Double headRate, Double layerRate) implements Dynamics, EncoderSkipping {
    public VitDynamics {
        check("token-rate", tokenRate);
        check("head-rate", headRate);
        check("layer-rate", layerRate);
    }

    private static void check(String field, Double v) {
        if (v != null && !(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(field + ": must be in [0, 1], got " + v);
        }
    }

    @Override
    public boolean tokenSkip() {
        return tokenRate != null;
    }

    @Override
    public boolean headSkip() {
        return headRate != null;
    }

    @Override
    public boolean layerSkip() {
        return layerRate != null;
    }

    @Override
    public double token() {
        return tokenRate == null ? 1 : tokenRate;
    }

    @Override
    public double head() {
        return headRate == null ? 1 : headRate;
    }

    @Override
    public double layer() {
        return layerRate == null ? 1 : layerRate;
    }

    @Override
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (tokenSkip()) {
            parts.add(String.format(Locale.ROOT, "token %.3f", tokenRate));
        }
        if (headSkip()) {
            parts.add(String.format(Locale.ROOT, "head %.3f", headRate));
        }
        if (layerSkip()) {
            parts.add(String.format(Locale.ROOT, "layer %.3f", layerRate));
        }
        return "vit " + String.join(", ", parts);
    }
}
