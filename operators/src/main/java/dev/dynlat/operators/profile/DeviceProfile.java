package dev.dynlat.operators.profile;

import java.util.Optional;

/**
 * One device: its public numbers, the constants of the LAUDNet reference model, and optionally
 * the coefficients of the calibrated model. Immutable; read from YAML by {@link ProfileLoader}.
 *
 * @param name short identifier used on the command line, e.g. {@code v100}
 * @param displayName human-readable name
 * @param kind GPU or CPU
 * @param datasheet public specification numbers
 * @param laudnet constants the {@code laudnet} model variant uses
 * @param calibrated fitted coefficients, present when a calibration run produced them
 * @param provenance where the reference constants come from
 */
public record DeviceProfile(String name, String displayName, DeviceKind kind, Datasheet datasheet,
                            AnalyticConstants laudnet, Optional<CalibratedCoefficients> calibrated,
                            String provenance) {
}
