package dev.dynlat.operators.profile;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The fitted terms of the GPU library model ({@link GpuLibraryModel}) for one GPU. Each is a
 * fraction of a datasheet peak or a time, so none can exceed what the hardware can do; they are
 * fitted to measured operators ({@code dynlat calibrate --from-measurements}) or transferred from
 * a measured GPU of the same kernel family through datasheet figures only.
 *
 * @param family the vendor kernels the GPU runs
 * @param dramEfficiency fraction of the datasheet DRAM bandwidth streaming kernels reach, (0, 1]
 * @param l2BandwidthRatio on-chip (L2) bandwidth as a multiple of the datasheet DRAM bandwidth, [1, 16]:
 *     the rate at which thread blocks re-read GEMM operands that stay in L2
 * @param kernelGapUs device-side time per streaming kernel (launch, ramp-up and tail), microseconds
 * @param libraryGapUs device-side time per cuBLAS or cuDNN kernel, microseconds
 * @param convSetupUs cuDNN's set-up time before every convolution call (the implicit GEMM spends it in
 *     its offsets kernel, the Winograd algorithms on the host), microseconds
 * @param reductionOverhead reduction steps' worth of fixed work per thread block of a cuBLAS GEMM (prologue and
 *     epilogue of the K loop)
 * @param convReductionOverhead the same for cuDNN's convolution kernels (their K loop also computes the
 *     im2col addresses)
 * @param throttleBeta slow-down per e-fold of a kernel's duration over {@code throttleTauMs} as the clock
 *     falls under the power and thermal limit (0: no throttling)
 * @param throttleTauMs kernel duration at which the power limit starts to lower the clock, milliseconds
 * @param convThrottleBeta {@code throttleBeta} of cuDNN's convolution kernels: fitted apart, because the
 *     convolution rows do not slow down with their duration as the GEMM rows do (on the T4, a 70 W card,
 *     the GEMMs' term overpriced every long convolution)
 * @param convThrottleTauMs {@code throttleTauMs} of cuDNN's convolution kernels, milliseconds
 * @param gemmEfficiency fraction of the FP32 peak each GEMM tile reaches (key: tile id, e.g. {@code 128x64})
 * @param convEfficiency fraction of the FP32 peak each cuDNN convolution kernel reaches (keys: implicit-GEMM
 *     tile ids such as {@code 64x128}, {@code winograd} for the fused Winograd kernel and {@code winograd-gemm}
 *     for the batched GEMMs of the non-fused one)
 * @param streamEfficiency fraction of the binary elementwise pass's streaming rate other streaming kernels
 *     reach (keys: {@code activation}, {@code softmax}, {@code layernorm}, and the Winograd kernels'
 *     {@code winograd-transform}, {@code winograd-output} and {@code winograd-filter}; the binary
 *     elementwise pass streams at the DRAM efficiency; a key not fitted streams at 1)
 * @param rowKernelGapUs device-side time per kernel of a row-wise class that has one of its own (keys:
 *     {@code softmax}, {@code layernorm}: per-row reductions before the first byte streams), microseconds;
 *     other classes use {@code kernelGapUs}
 * @param hostFloorUs the least time one operator takes when called from a framework: the host's dispatch,
 *     which the GPU's work hides only when it is longer (key: operator class, e.g. {@code conv}, {@code fc},
 *     {@code matmul}, {@code elementwise}, {@code activation}, {@code softmax}, {@code layernorm}; {@code other}
 *     for every class without its own), microseconds
 * @param source how the terms were obtained: fitted (file, rows, date) or transferred (from which GPU, how)
 */
public record GpuLibraryCoefficients(KernelFamily family, double dramEfficiency, double l2BandwidthRatio,
                                     double kernelGapUs, double libraryGapUs, double convSetupUs,
                                     double reductionOverhead, double convReductionOverhead, double throttleBeta,
                                     double throttleTauMs, double convThrottleBeta, double convThrottleTauMs,
                                     Map<String, Double> gemmEfficiency,
                                     Map<String, Double> convEfficiency, Map<String, Double> streamEfficiency,
                                     Map<String, Double> rowKernelGapUs, Map<String, Double> hostFloorUs,
                                     String source) {

    /** Key of {@link #convEfficiency} for cuDNN's fused Winograd kernel. */
    public static final String WINOGRAD = "winograd";
    /** Key of {@link #convEfficiency} for the 36 batched GEMMs of cuDNN's non-fused Winograd. */
    public static final String WINOGRAD_GEMM = "winograd-gemm";
    /**
     * Key of {@link #streamEfficiency} for the data transform of cuDNN's non-fused Winograd (overlapping
     * 6×6 windows gathered and 36 planes written: not the elementwise pass's access pattern).
     */
    public static final String WINOGRAD_TRANSFORM = "winograd-transform";
    /**
     * Key of {@link #streamEfficiency} for its output transform (36 planes read, 4×4 tiles written: the
     * measured rows stream it about twice as fast as the data transform). A profile without it
     * streams the output transform at {@link #WINOGRAD_TRANSFORM}'s rate.
     */
    public static final String WINOGRAD_OUTPUT = "winograd-output";
    /** Key of {@link #streamEfficiency} for the non-fused Winograd's filter transform. */
    public static final String WINOGRAD_FILTER = "winograd-filter";
    /** The operator class of convolutions (its throttle is {@link #convThrottleBeta}'s). */
    public static final String CONV_CLASS = "conv";
    /** Key of {@link #hostFloorUs} for operator classes without a floor of their own. */
    public static final String OTHER = "other";

    public GpuLibraryCoefficients {
        Objects.requireNonNull(family, "family");
        // In GpuLibraryScalar's order (of() maps the table onto these parameters).
        double[] scalars = {dramEfficiency, l2BandwidthRatio, kernelGapUs, libraryGapUs, convSetupUs,
            reductionOverhead, convReductionOverhead, throttleBeta, throttleTauMs, convThrottleBeta, convThrottleTauMs};
        for (GpuLibraryScalar s : GpuLibraryScalar.values()) {
            s.checked(scalars[s.ordinal()]);
        }
        gemmEfficiency = fractions("gemm_efficiency", gemmEfficiency);
        convEfficiency = fractions("conv_efficiency", convEfficiency);
        streamEfficiency = fractions("stream_efficiency", streamEfficiency);
        rowKernelGapUs = frozen(rowKernelGapUs);
        rowKernelGapUs.forEach((k, v) -> within("row_kernel_gap_us." + k, v, 0, 1000));
        hostFloorUs = frozen(hostFloorUs);
        hostFloorUs.forEach((k, v) -> within("host_floor_us." + k, v, 0, 1e5));
        if (!hostFloorUs.containsKey(OTHER)) {
            throw new IllegalArgumentException("host_floor_us: needs an '" + OTHER + "' entry");
        }
        for (GemmTile t : family.allGemmTiles()) {
            if (!gemmEfficiency.containsKey(t.id())) {
                throw new IllegalArgumentException("gemm_efficiency: no efficiency for tile " + t.id() + " of family "
                        + family.id());
            }
        }
        for (GemmTile t : KernelFamily.IMPLICIT_CONV_TILES) {
            if (!convEfficiency.containsKey(t.id())) {
                throw new IllegalArgumentException("conv_efficiency: no efficiency for tile " + t.id());
            }
        }
        for (String key : java.util.List.of(WINOGRAD, WINOGRAD_GEMM)) {
            if (!convEfficiency.containsKey(key)) {
                throw new IllegalArgumentException("conv_efficiency: no efficiency for " + key);
            }
        }
        source = source == null ? "" : source;
    }

    /**
     * A kernel's compute time once the power limit has lowered the clock: {@code β · ln(1 + t/τ)} longer,
     * with cuDNN's terms for convolutions ({@code conv}) and cuBLAS's for every other class.
     */
    public double throttledComputeS(String operatorClass, double computeS) {
        boolean conv = CONV_CLASS.equals(operatorClass);
        double beta = conv ? convThrottleBeta : throttleBeta;
        double tauS = (conv ? convThrottleTauMs : throttleTauMs) * 1e-3;
        return computeS * (1 + beta * Math.log1p(computeS / tauS));
    }

    /** The terms from a table of every {@link GpuLibraryScalar} and the per-key tables. */
    public static GpuLibraryCoefficients of(KernelFamily family, Map<GpuLibraryScalar, Double> scalars,
                                            Map<String, Double> gemmEfficiency, Map<String, Double> convEfficiency,
                                            Map<String, Double> streamEfficiency, Map<String, Double> rowKernelGapUs,
                                            Map<String, Double> hostFloorUs, String source) {
        double[] v = new double[GpuLibraryScalar.values().length];
        for (GpuLibraryScalar s : GpuLibraryScalar.values()) {
            Double x = scalars.get(s);
            if (x == null) {
                throw new IllegalArgumentException(s.key() + ": missing");
            }
            v[s.ordinal()] = x;
        }
        return new GpuLibraryCoefficients(family, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10],
                gemmEfficiency, convEfficiency, streamEfficiency, rowKernelGapUs, hostFloorUs, source);
    }

    /** The host floor of an operator class, seconds ({@code other}'s when the class has none). */
    public double hostFloorS(String operatorClass) {
        Double us = hostFloorUs.get(operatorClass);
        return (us != null ? us : hostFloorUs.get(OTHER)) * 1e-6;
    }

    /** The device-side gap of one streaming kernel of a class, seconds. */
    public double streamGapS(String operatorClass) {
        return rowKernelGapUs.getOrDefault(operatorClass, kernelGapUs) * 1e-6;
    }

    /** The streaming efficiency of a row-wise class relative to DRAM streaming (1 when not fitted). */
    public double streamFactor(String operatorClass) {
        return streamEfficiency.getOrDefault(operatorClass, 1.0);
    }

    /** The same terms with another provenance (a transfer keeps the terms and says where they came from). */
    public GpuLibraryCoefficients withSource(String newSource) {
        return new GpuLibraryCoefficients(family, dramEfficiency, l2BandwidthRatio, kernelGapUs, libraryGapUs,
                convSetupUs, reductionOverhead, convReductionOverhead,
                throttleBeta, throttleTauMs, convThrottleBeta, convThrottleTauMs, gemmEfficiency, convEfficiency, streamEfficiency, rowKernelGapUs, hostFloorUs,
                newSource);
    }

    private static Map<String, Double> fractions(String field, Map<String, Double> m) {
        Map<String, Double> out = frozen(m);
        out.forEach((k, v) -> fraction(field + "." + k, v));
        return out;
    }

    private static Map<String, Double> frozen(Map<String, Double> m) {
        return Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(m)));
    }

    private static void fraction(String field, double v) {
        if (!(v > 0 && v <= 1)) {
            throw new IllegalArgumentException(field + ": must be in (0, 1] (a fraction of a datasheet peak), got " + v);
        }
    }

    private static void within(String field, double v, double lo, double hi) {
        if (!(v >= lo && v <= hi)) {
            throw new IllegalArgumentException(field + ": must be in [" + lo + ", " + hi + "], got " + v);
        }
    }
}
