package dev.dynlat.predictor.dynamic;

import java.util.Locale;

/** How a CNN's residual blocks skip work. */
public enum Paradigm {
    /** No skipping: the dense network. */
    STATIC,
    /** Spatial masks on S×S output patches (gather → conv → scatter-add). */
    SPATIAL,
    /** Channel masks on groups of G channels in the block's convs. */
    CHANNEL,
    /** A gate runs or skips the whole residual branch. */
    LAYER;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Paradigm parse(String field, String text) {
        for (Paradigm p : values()) {
            if (p.id().equalsIgnoreCase(text)) {
                return p;
            }
        }
        throw new IllegalArgumentException(field + ": unknown mode '" + text
                + "'; expected static, spatial, channel or layer");
    }
}
