package dev.dynlat.calibration.suite;

import java.util.Locale;

/** How a timed dynamic residual block skips work. */
public enum BlockParadigm {
    /** Spatial skipping: fused masker+conv1, gather with halo, convs on patches, scatter-add. */
    SPATIAL,
    /** Channel skipping: channel-skipping bottleneck with a pooled MLP masker. */
    CHANNEL,
    /** Layer skipping: a gate, and the residual branch with probability {@code rate}. */
    LAYER;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
