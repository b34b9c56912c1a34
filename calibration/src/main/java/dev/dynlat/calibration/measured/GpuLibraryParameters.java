package dev.dynlat.calibration.measured;

import dev.dynlat.calibration.fit.ParameterSpec;
import dev.dynlat.operators.profile.GemmTile;
import dev.dynlat.operators.profile.GpuLibraryCoefficients;
import dev.dynlat.operators.profile.KernelFamily;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fitted terms of the GPU library model as a parameter vector: which terms the measured
 * operator classes determine (a term no row depends on is held at its default and not fitted),
 * their bounds (fractions of a datasheet peak stay in (0, 1]), and the mapping of a vector back to
 * {@link GpuLibraryCoefficients}.
 */
public final class GpuLibraryParameters {
    static final String DRAM = "dram_efficiency";
    static final String L2 = "l2_bandwidth_ratio";
    static final String GAP = "kernel_gap_us";
    static final String REDUCTION = "reduction_overhead";
    static final String BETA = "throttle_beta";
    static final String TAU = "throttle_tau_ms";
    static final String GEMM = "gemm_efficiency.";
    static final String CONV = "conv_efficiency.";
    static final String STREAM = "stream_efficiency.";
    static final String FLOOR = "host_floor_us.";

    /** A term's value when no measured row determines it. */
    static final double DEFAULT_EFFICIENCY = 0.7;
    static final double DEFAULT_FLOOR_US = 20;

    private final KernelFamily family;
    private final List<ParameterSpec> specs;
    private final Set<String> floorClasses;

    /**
     * @param family the GPU's kernel family
     * @param floorClasses host-floor classes present in the measurements (each gets its own floor)
     */
    public GpuLibraryParameters(KernelFamily family, Set<String> floorClasses) {
        this.family = family;
        this.floorClasses = new TreeSet<>(floorClasses);
        boolean gemms = floorClasses.contains("fc") || floorClasses.contains("matmul") || floorClasses.contains("conv");
        List<ParameterSpec> s = new ArrayList<>();
        s.add(new ParameterSpec(DRAM, "1", 0.8, 0.05, 1));
        s.add(new ParameterSpec(GAP, "us", 10, 0.1, 500));
        s.add(new ParameterSpec(BETA, "1", 0.05, 1e-6, 4));
        s.add(new ParameterSpec(TAU, "ms", 10, 1e-3, 1e5));
        if (gemms) {
            s.add(new ParameterSpec(L2, "1", 2.5, 1, 16));
            s.add(new ParameterSpec(REDUCTION, "1", 16, 0.01, 1024));
            for (GemmTile t : family.allGemmTiles()) {
                s.add(new ParameterSpec(GEMM + t.id(), "1", DEFAULT_EFFICIENCY, 0.02, 1));
            }
        }
        if (floorClasses.contains("conv")) {
            for (GemmTile t : KernelFamily.IMPLICIT_CONV_TILES) {
                s.add(new ParameterSpec(CONV + t.id(), "1", DEFAULT_EFFICIENCY, 0.02, 1));
            }
            s.add(new ParameterSpec(CONV + GpuLibraryCoefficients.WINOGRAD, "1", 0.4, 0.02, 1));
        }
        for (String c : List.of("softmax", "layernorm")) {
            if (floorClasses.contains(c)) {
                s.add(new ParameterSpec(STREAM + c, "1", 0.6, 0.02, 1));
            }
        }
        for (String c : this.floorClasses) {
            s.add(new ParameterSpec(FLOOR + c, "us", 30, 0.5, 5000));
        }
        this.specs = List.copyOf(s);
    }

    public List<ParameterSpec> specs() {
        return specs;
    }

    /** The coefficients of a parameter vector (in {@link #specs()} order). */
    public GpuLibraryCoefficients coefficients(double[] p, String source) {
        Map<String, Double> v = new LinkedHashMap<>();
        for (int i = 0; i < specs.size(); i++) {
            v.put(specs.get(i).name(), p[i]);
        }
        return coefficients(v, source);
    }

    /** The coefficients of named values (missing terms at their defaults). */
    public GpuLibraryCoefficients coefficients(Map<String, Double> v, String source) {
        Map<String, Double> gemm = new LinkedHashMap<>();
        for (GemmTile t : family.allGemmTiles()) {
            gemm.put(t.id(), v.getOrDefault(GEMM + t.id(), DEFAULT_EFFICIENCY));
        }
        Map<String, Double> conv = new LinkedHashMap<>();
        for (GemmTile t : KernelFamily.IMPLICIT_CONV_TILES) {
            conv.put(t.id(), v.getOrDefault(CONV + t.id(), DEFAULT_EFFICIENCY));
        }
        conv.put(GpuLibraryCoefficients.WINOGRAD, v.getOrDefault(CONV + GpuLibraryCoefficients.WINOGRAD, 0.4));
        Map<String, Double> stream = new LinkedHashMap<>();
        for (String c : List.of("softmax", "layernorm")) {
            if (v.containsKey(STREAM + c)) {
                stream.put(c, v.get(STREAM + c));
            }
        }
        Map<String, Double> floors = new LinkedHashMap<>();
        for (String c : floorClasses) {
            floors.put(c, v.get(FLOOR + c));
        }
        // Operator kinds never measured pay a framework's least dispatch: the elementwise floor where known.
        floors.put(GpuLibraryCoefficients.OTHER, floors.getOrDefault("elementwise",
                floors.values().stream().mapToDouble(Double::doubleValue).min().orElse(DEFAULT_FLOOR_US)));
        return new GpuLibraryCoefficients(family, v.getOrDefault(DRAM, 0.8), v.getOrDefault(L2, 2.5),
                v.getOrDefault(GAP, 10.0), v.getOrDefault(REDUCTION, 16.0), v.getOrDefault(BETA, 0.0),
                v.getOrDefault(TAU, 10.0), gemm, conv, stream, floors, source);
    }
}
