package dev.dynlat.operators.lowering;

/**
 * The execution choices that change which operators a dynamic block lowers to.
 *
 * @param gatherKernel        whether active patches are copied out by a separate gather kernel before
 *                            the first patch conv (otherwise that conv reads them by indexing the map)
 * @param scatterAddFused     whether the scatter of the patch batch is fused with the residual add
 * @param channelMaskerLayers FC layers of the channel masker: 2 (pool → FC → FC) or 1 (pool → FC)
 */
public record BlockSchedule(boolean gatherKernel, boolean scatterAddFused, int channelMaskerLayers) {
    public BlockSchedule {
        if (channelMaskerLayers != 1 && channelMaskerLayers != 2) {
            throw new IllegalArgumentException("channel_masker_layers: must be 1 or 2, got " + channelMaskerLayers);
        }
    }
}
