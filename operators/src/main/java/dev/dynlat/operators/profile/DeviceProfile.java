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
 * @param cudaName the device name the CUDA runtime reports ({@code cudaGetDeviceProperties().name}, e.g.
 *     {@code Tesla V100-PCIE-32GB}), present for profiles of one exact GPU model: measurement files
 *     name their device this way, and {@link DeviceCatalog#byCudaName} finds the profile from it
 */
public record DeviceProfile(String name, String displayName, DeviceKind kind, Datasheet datasheet,
                            AnalyticConstants laudnet, Optional<CalibratedCoefficients> calibrated,
                            String provenance, Optional<String> cudaName) {

    public DeviceProfile {
        java.util.Objects.requireNonNull(calibrated, "calibrated");
        java.util.Objects.requireNonNull(cudaName, "cudaName");
        if (cudaName.isPresent() && cudaName.get().isBlank()) {
            throw new IllegalArgumentException("cuda_name: must not be blank");
        }
    }

    /** A profile with no CUDA device name (CPUs, and GPU profiles that stand for a family). */
    public DeviceProfile(String name, String displayName, DeviceKind kind, Datasheet datasheet,
                         AnalyticConstants laudnet, Optional<CalibratedCoefficients> calibrated, String provenance) {
        this(name, displayName, kind, datasheet, laudnet, calibrated, provenance, Optional.empty());
    }

    /**
     * The record's text, with the CUDA name only when there is one: sweep fingerprints hash this text, so
     * a profile without a CUDA name keeps the fingerprint it had before the field existed.
     */
    @Override
    public String toString() {
        return "DeviceProfile[name=" + name + ", displayName=" + displayName + ", kind=" + kind + ", datasheet="
                + datasheet + ", laudnet=" + laudnet + ", calibrated=" + calibrated + ", provenance=" + provenance
                + cudaName.map(n -> ", cudaName=" + n).orElse("") + "]";
    }

    /** The same device with other calibrated coefficients and provenance (name, datasheet, CUDA name kept). */
    public DeviceProfile withCalibration(Optional<CalibratedCoefficients> coefficients, String newProvenance) {
        return new DeviceProfile(name, displayName, kind, datasheet, laudnet, coefficients, newProvenance, cudaName);
    }
}
