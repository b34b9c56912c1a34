package dev.dynlat.predictor.engine;

import dev.dynlat.predictor.workload.Role;

import java.util.List;

/**
 * The prediction for one stage. {@code residual} is true for the stages whose blocks make up
 * {@code blocks_latency_ms} (residual or transformer blocks), false for stem, embedding and head.
 */
public record StagePrediction(String name, boolean residual, List<BlockPrediction> blocks) {
    public StagePrediction {
        blocks = List.copyOf(blocks);
    }

    public double latencyMs() {
        return blocks.stream().mapToDouble(BlockPrediction::latencyMs).sum();
    }

    public double macs() {
        return blocks.stream().mapToDouble(BlockPrediction::macs).sum();
    }

    public double latencyMs(Role role) {
        return blocks.stream().mapToDouble(b -> b.latencyMs(role)).sum();
    }
}
