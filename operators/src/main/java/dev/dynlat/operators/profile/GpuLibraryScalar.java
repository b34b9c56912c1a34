package dev.dynlat.operators.profile;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The single-valued terms of the GPU library model, in one place: each term's key in a profile, the
 * range a profile may hold, its value in {@link GpuLibraryCoefficients}, and the value a fit gives
 * a term no measured row determines. The record's checks, the profile reader and writer and the
 * fitter's parameter names all read this table, so a term is added or renamed here only.
 */
public enum GpuLibraryScalar {
    DRAM_EFFICIENCY("dram_efficiency", 1e-6, 1, 0.8, GpuLibraryCoefficients::dramEfficiency),
    L2_BANDWIDTH_RATIO("l2_bandwidth_ratio", 1, 16, 2.5, GpuLibraryCoefficients::l2BandwidthRatio),
    KERNEL_GAP_US("kernel_gap_us", 0, 1000, 5, GpuLibraryCoefficients::kernelGapUs),
    LIBRARY_GAP_US("library_gap_us", 0, 1000, 20, GpuLibraryCoefficients::libraryGapUs),
    CONV_SETUP_US("conv_setup_us", 0, 1000, 20, GpuLibraryCoefficients::convSetupUs),
    REDUCTION_OVERHEAD("reduction_overhead", 0, 4096, 16, GpuLibraryCoefficients::reductionOverhead),
    CONV_REDUCTION_OVERHEAD("conv_reduction_overhead", 0, 4096, 16, GpuLibraryCoefficients::convReductionOverhead),
    THROTTLE_BETA("throttle_beta", 0, 4, 0, GpuLibraryCoefficients::throttleBeta),
    THROTTLE_TAU_MS("throttle_tau_ms", 1e-6, 1e6, 10, GpuLibraryCoefficients::throttleTauMs),
    CONV_THROTTLE_BETA("conv_throttle_beta", 0, 4, 0, GpuLibraryCoefficients::convThrottleBeta),
    CONV_THROTTLE_TAU_MS("conv_throttle_tau_ms", 1e-6, 1e6, 10, GpuLibraryCoefficients::convThrottleTauMs);

    private final String key;
    private final double min;
    private final double max;
    private final double unfitted;
    private final ToDoubleFunction<GpuLibraryCoefficients> value;

    GpuLibraryScalar(String key, double min, double max, double unfitted,
                     ToDoubleFunction<GpuLibraryCoefficients> value) {
        this.key = key;
        this.min = min;
        this.max = max;
        this.unfitted = unfitted;
        this.value = value;
    }

    /** The key in a profile's {@code gpu_library} section, e.g. {@code throttle_tau_ms}. */
    public String key() {
        return key;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    /** The value of a term no measured row determines. */
    public double unfitted() {
        return unfitted;
    }

    public double of(GpuLibraryCoefficients c) {
        return value.applyAsDouble(c);
    }

    /** {@code v}, or a one-line error naming the key and the range. */
    double checked(double v) {
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException(key + ": must be in [" + min + ", " + max + "], got " + v);
        }
        return v;
    }

    /** Every term's value in {@code c}. */
    public static Map<GpuLibraryScalar, Double> all(GpuLibraryCoefficients c) {
        Map<GpuLibraryScalar, Double> m = new EnumMap<>(GpuLibraryScalar.class);
        for (GpuLibraryScalar s : values()) {
            m.put(s, s.of(c));
        }
        return m;
    }
}
