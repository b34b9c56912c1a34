package dev.dynlat.operators.lowering;

import java.util.Objects;

/**
 * The dynamic behaviour one block is lowered under.
 *
 * @param mode         how the block skips work
 * @param rate         activation rate in [0, 1]: the fraction of patches or channel groups kept, or the
 *                     probability that the residual branch runs (1 for a static block)
 * @param granularity  spatial patch side S in pixels (1 unless {@link BlockMode#SPATIAL})
 * @param channelGroup channel group size G in channels (1 unless {@link BlockMode#CHANNEL})
 */
public record BlockDynamics(BlockMode mode, double rate, int granularity, int channelGroup) {
    public BlockDynamics {
        Objects.requireNonNull(mode, "mode");
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("rate: must be in [0, 1], got " + rate);
        }
        if (granularity < 1) {
            throw new IllegalArgumentException("granularity: must be >= 1, got " + granularity);
        }
        if (channelGroup < 1) {
            throw new IllegalArgumentException("channel group: must be >= 1, got " + channelGroup);
        }
    }

    /** The dense block. */
    public static BlockDynamics dense() {
        return new BlockDynamics(BlockMode.STATIC, 1, 1, 1);
    }

    /** Spatial skipping on S×S patches, {@code rate} of them active. */
    public static BlockDynamics spatial(int granularity, double rate) {
        return new BlockDynamics(BlockMode.SPATIAL, rate, granularity, 1);
    }

    /** Channel skipping in groups of {@code channelGroup} channels, {@code rate} of them kept. */
    public static BlockDynamics channel(int channelGroup, double rate) {
        return new BlockDynamics(BlockMode.CHANNEL, rate, 1, channelGroup);
    }

    /** Layer skipping by the block's own gate; the branch runs with probability {@code rate}. */
    public static BlockDynamics layer(double rate) {
        return new BlockDynamics(BlockMode.LAYER, rate, 1, 1);
    }

    /** A branch a policy network runs with probability {@code rate}. */
    public static BlockDynamics policy(double rate) {
        return new BlockDynamics(BlockMode.POLICY, rate, 1, 1);
    }
}
