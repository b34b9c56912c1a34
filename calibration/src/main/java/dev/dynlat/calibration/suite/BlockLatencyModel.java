package dev.dynlat.calibration.suite;

import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.profile.DeviceProfile;

/**
 * The model's latency of a whole dynamic block. {@link GraphBlockLatency} costs the block's graph,
 * which the same lowering as a prediction's built, so the calibration compares measured blocks with exactly
 * what a network prediction would add up; tests may script it.
 */
@FunctionalInterface
public interface BlockLatencyModel {
    /** Predicted seconds per inference (batch 1) of {@code block} on {@code profile}. */
    double predictSeconds(BlockCase block, DeviceProfile profile, ModelVariant variant);
}
