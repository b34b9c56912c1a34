package dev.dynlat.operators.profile;

import java.util.Objects;

/**
 * A GPU as the library model needs it: its datasheet and the fitted (or transferred) library terms.
 *
 * @param datasheet SMs, lanes, clock, DRAM bandwidth and L2 size
 * @param coefficients the library model's terms
 */
public record GpuLibraryTarget(Datasheet datasheet, GpuLibraryCoefficients coefficients) {
    public GpuLibraryTarget {
        Objects.requireNonNull(datasheet, "datasheet");
        Objects.requireNonNull(coefficients, "coefficients");
    }
}
