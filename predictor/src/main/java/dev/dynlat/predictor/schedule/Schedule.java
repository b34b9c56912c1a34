package dev.dynlat.predictor.schedule;

import dev.dynlat.operators.profile.LatencyMode;
import java.util.Locale;

/**
 * Execution choices, kept apart from the network and the device.
 *
 * @param maskerFusion whether the spatial masker is fused into conv1 ({@code auto}: the faster)
 * @param gather how conv2 reads active patches: by indexing into the full map inside the conv, or
 *     through a separate gather kernel
 * @param scatterAddFused whether the scatter of conv3's patches is fused with the residual add
 * @param batch batch size; 0 means the device profile's default
 * @param latencyMode how compute and memory combine; null means the device profile's
 * @param channelMaskerLayers FC layers of the channel masker: 2 (pool → FC → FC, the LAUDNet
 *     default) or 1 (pool → FC)
 */
public record Schedule(MaskerFusion maskerFusion, GatherMode gather, boolean scatterAddFused, int batch,
                       LatencyMode latencyMode, int channelMaskerLayers) {

    /** Masker placement. */
    public enum MaskerFusion {
        AUTO, FUSED, SEPARATE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How a spatially dynamic conv gets its active input patches. */
    public enum GatherMode {
        INDEXING, KERNEL;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Schedule {
        if (batch < 0) {
            throw new IllegalArgumentException("batch: must be a positive integer, got " + batch);
        }
        if (channelMaskerLayers != 1 && channelMaskerLayers != 2) {
            throw new IllegalArgumentException("channel_masker_layers: must be 1 or 2, got " + channelMaskerLayers);
        }
    }

    /** LAUDNet's optimised schedule: faster masker placement, gather fused, scatter-add fused. */
    public static Schedule defaults() {
        return new Schedule(MaskerFusion.AUTO, GatherMode.INDEXING, true, 0, null, 2);
    }

    public Schedule withBatch(int b) {
        if (b <= 0) {
            throw new IllegalArgumentException("batch: must be a positive integer, got " + b);
        }
        return new Schedule(maskerFusion, gather, scatterAddFused, b, latencyMode, channelMaskerLayers);
    }
}
