package dev.dynlat.calibration.suite;

import dev.dynlat.operators.lowering.BlockDynamics;
import java.util.Locale;

/** How a timed dynamic residual block skips work. */
public enum BlockParadigm {
    /** Spatial skipping: fused masker+conv1, gather with halo, convs on patches, scatter-add. */
    SPATIAL,
    /** Channel skipping: channel-skipping bottleneck with a pooled MLP masker. */
    CHANNEL,
    /** Layer skipping: a gate, and the residual branch with probability {@code rate}. */
    LAYER;

    /** The lowering's dynamics of a block of this paradigm at {@code rate} with S or G {@code granularity}. */
    public BlockDynamics dynamics(double rate, int granularity) {
        return switch (this) {
            case SPATIAL -> BlockDynamics.spatial(granularity, rate);
            case CHANNEL -> BlockDynamics.channel(granularity, rate);
            case LAYER -> BlockDynamics.layer(rate);
        };
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
