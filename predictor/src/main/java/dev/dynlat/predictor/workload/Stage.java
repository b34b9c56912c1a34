package dev.dynlat.predictor.workload;

import java.util.List;

/** A run of residual blocks at one output resolution. */
public record Stage(String name, int outSize, List<ResidualBlock> blocks) {
    public Stage {
        blocks = List.copyOf(blocks);
    }
}
