package dev.dynlat.calibration.suite;

import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.profile.DeviceProfile;

/**
 * The predictor's latency of a whole dynamic block. Implemented on the predictor side with its
 * block composers, so the calibration compares measured blocks with exactly what a network
 * prediction would add up.
 */
@FunctionalInterface
public interface BlockLatencyModel {
    /** Predicted seconds per inference (batch 1) of {@code block} on {@code profile}. */
    double predictSeconds(BlockCase block, DeviceProfile profile, ModelVariant variant);
}
