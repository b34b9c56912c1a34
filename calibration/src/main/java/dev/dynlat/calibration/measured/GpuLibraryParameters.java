package dev.dynlat.calibration.measured;

import dev.dynlat.calibration.fit.ParameterSpec;
import dev.dynlat.operators.profile.GemmTile;
import dev.dynlat.operators.profile.GpuLibraryCoefficients;
import dev.dynlat.operators.profile.GpuLibraryScalar;
import dev.dynlat.operators.profile.KernelFamily;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fitted terms of the GPU library model as named parameters: which operator classes each term
 * describes (a term no measured class uses is held at its default and not fitted), their bounds
 * (fractions of a datasheet peak stay in (0, 1]), and the mapping of named values back to
 * {@link GpuLibraryCoefficients}.
 */
public final class GpuLibraryParameters {
    static final String DRAM = GpuLibraryScalar.DRAM_EFFICIENCY.key();
    static final String L2 = GpuLibraryScalar.L2_BANDWIDTH_RATIO.key();
    static final String GAP = GpuLibraryScalar.KERNEL_GAP_US.key();
    static final String LIBRARY_GAP = GpuLibraryScalar.LIBRARY_GAP_US.key();
    static final String REDUCTION = GpuLibraryScalar.REDUCTION_OVERHEAD.key();
    static final String SETUP = GpuLibraryScalar.CONV_SETUP_US.key();
    static final String CONV_REDUCTION = GpuLibraryScalar.CONV_REDUCTION_OVERHEAD.key();
    static final String BETA = GpuLibraryScalar.THROTTLE_BETA.key();
    static final String TAU = GpuLibraryScalar.THROTTLE_TAU_MS.key();
    static final String CONV_BETA = GpuLibraryScalar.CONV_THROTTLE_BETA.key();
    static final String CONV_TAU = GpuLibraryScalar.CONV_THROTTLE_TAU_MS.key();
    static final String GEMM = "gemm_efficiency.";
    static final String CONV = "conv_efficiency.";
    static final String STREAM = "stream_efficiency.";
    static final String FLOOR = "host_floor_us.";
    static final String ROW_GAP = "row_kernel_gap_us.";

    /** The operator classes priced by streaming kernels, by cuBLAS, and by cuDNN. */
    static final Set<String> STREAMING = Set.of("elementwise", "activation", "softmax", "layernorm");
    static final Set<String> GEMMS = Set.of("fc", "matmul");
    static final Set<String> CONVS = Set.of("conv");

    /**
     * Streaming classes with an efficiency of their own relative to the binary elementwise pass,
     * which defines the DRAM efficiency.
     */
    static final List<String> ROW_WISE = List.of("activation", "softmax", "layernorm");
    /** The non-fused Winograd's transform kernels: streaming at an efficiency of their own. */
    static final List<String> WINOGRAD_STREAMS = List.of(GpuLibraryCoefficients.WINOGRAD_TRANSFORM,
            GpuLibraryCoefficients.WINOGRAD_OUTPUT, GpuLibraryCoefficients.WINOGRAD_FILTER);
    /** Streaming classes that reduce each row before streaming it: a device-side gap of their own. */
    static final List<String> REDUCING = List.of("softmax", "layernorm");

    /** A term's value when no measured row determines it. */
    static final double DEFAULT_EFFICIENCY = 0.7;
    static final double DEFAULT_FLOOR_US = 20;

    /** One term: its bounds and start, and the operator classes whose latency depends on it. */
    record Term(ParameterSpec spec, Set<String> usedBy) {
    }

    private final KernelFamily family;
    private final List<Term> terms;
    private final Set<String> floorClasses;

    /**
     * @param family the GPU's kernel family
     * @param floorClasses host-floor classes present in the measurements (each gets its own floor)
     */
    public GpuLibraryParameters(KernelFamily family, Set<String> floorClasses) {
        this.family = family;
        this.floorClasses = new TreeSet<>(floorClasses);
        Set<String> library = union(GEMMS, CONVS);
        Set<String> all = union(STREAMING, library);
        List<Term> t = new ArrayList<>();
        t.add(term(DRAM, "1", 0.8, 0.05, 1, all));
        t.add(term(GAP, "us", 5, 0.1, 500, union(STREAMING, CONVS)));
        t.add(term(LIBRARY_GAP, "us", 20, 0.1, 500, GEMMS));
        t.add(term(SETUP, "us", 20, 0.1, 1000, CONVS));
        t.add(term(CONV_REDUCTION, "1", 16, 0.01, 1024, CONVS));
        t.add(term(L2, "1", 2.5, 1, 16, library));
        t.add(term(REDUCTION, "1", 16, 0.01, 1024, GEMMS));
        t.add(term(BETA, "1", 0.05, 1e-6, 4, GEMMS));
        t.add(term(TAU, "ms", 10, 1e-3, 1e5, GEMMS));
        t.add(term(CONV_BETA, "1", 0.05, 1e-6, 4, CONVS));
        t.add(term(CONV_TAU, "ms", 10, 1e-3, 1e5, CONVS));
        for (GemmTile g : family.allGemmTiles()) {
            t.add(term(GEMM + g.id(), "1", DEFAULT_EFFICIENCY, 0.02, 1, GEMMS));
        }
        for (GemmTile g : KernelFamily.IMPLICIT_CONV_TILES) {
            t.add(term(CONV + g.id(), "1", DEFAULT_EFFICIENCY, 0.02, 1, CONVS));
        }
        t.add(term(CONV + GpuLibraryCoefficients.WINOGRAD, "1", 0.5, 0.02, 1, CONVS));
        t.add(term(CONV + GpuLibraryCoefficients.WINOGRAD_GEMM, "1", DEFAULT_EFFICIENCY, 0.02, 1, CONVS));
        for (String c : ROW_WISE) {
            t.add(term(STREAM + c, "1", 0.6, 0.02, 1, Set.of(c)));
        }
        for (String c : WINOGRAD_STREAMS) {
            t.add(term(STREAM + c, "1", 0.6, 0.02, 1, CONVS));
        }
        for (String c : REDUCING) {
            t.add(term(ROW_GAP + c, "us", 10, 0.1, 500, Set.of(c)));
        }
        for (String c : this.floorClasses) {
            t.add(term(FLOOR + c, "us", 30, 0.5, 5000, Set.of(c)));
        }
        this.terms = t.stream().filter(x -> x.usedBy.stream().anyMatch(this.floorClasses::contains)).toList();
    }

    private static Term term(String name, String unit, double initial, double lo, double hi, Set<String> usedBy) {
        return new Term(new ParameterSpec(name, unit, initial, lo, hi), usedBy);
    }

    /** The values of {@code v} named {@code prefix + key}, by key, for the keys that have one (in key order). */
    private static Map<String, Double> present(Map<String, Double> v, String prefix, List<String> keys) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String c : keys) {
            if (v.containsKey(prefix + c)) {
                m.put(c, v.get(prefix + c));
            }
        }
        return m;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> s = new TreeSet<>(a);
        s.addAll(b);
        return s;
    }

    /** The terms the measured classes determine. */
    List<Term> terms() {
        return terms;
    }

    /** Every determined term's spec. */
    public List<ParameterSpec> specs() {
        return terms.stream().map(Term::spec).toList();
    }

    /** The named values of coefficients (the inverse of {@link #coefficients}), for a prior or a transfer. */
    static Map<String, Double> values(GpuLibraryCoefficients c) {
        Map<String, Double> v = new LinkedHashMap<>();
        GpuLibraryScalar.all(c).forEach((s, x) -> v.put(s.key(), x));
        c.gemmEfficiency().forEach((k, x) -> v.put(GEMM + k, x));
        c.convEfficiency().forEach((k, x) -> v.put(CONV + k, x));
        c.streamEfficiency().forEach((k, x) -> v.put(STREAM + k, x));
        c.rowKernelGapUs().forEach((k, x) -> v.put(ROW_GAP + k, x));
        c.hostFloorUs().forEach((k, x) -> v.put(FLOOR + k, x));
        return v;
    }

    /** The coefficients of named values (terms without a value at their defaults). */
    public GpuLibraryCoefficients coefficients(Map<String, Double> v, String source) {
        Map<String, Double> gemm = new LinkedHashMap<>();
        for (GemmTile t : family.allGemmTiles()) {
            gemm.put(t.id(), v.getOrDefault(GEMM + t.id(), DEFAULT_EFFICIENCY));
        }
        Map<String, Double> conv = new LinkedHashMap<>();
        for (GemmTile t : KernelFamily.IMPLICIT_CONV_TILES) {
            conv.put(t.id(), v.getOrDefault(CONV + t.id(), DEFAULT_EFFICIENCY));
        }
        conv.put(GpuLibraryCoefficients.WINOGRAD, v.getOrDefault(CONV + GpuLibraryCoefficients.WINOGRAD, 0.5));
        conv.put(GpuLibraryCoefficients.WINOGRAD_GEMM, v.getOrDefault(CONV + GpuLibraryCoefficients.WINOGRAD_GEMM,
                DEFAULT_EFFICIENCY));
        Map<String, Double> stream = present(v, STREAM, ROW_WISE);
        stream.putAll(present(v, STREAM, WINOGRAD_STREAMS));
        Map<String, Double> rowGaps = present(v, ROW_GAP, REDUCING);
        Map<String, Double> floors = new LinkedHashMap<>();
        for (String c : floorClasses) {
            floors.put(c, v.getOrDefault(FLOOR + c, DEFAULT_FLOOR_US));
        }
        // A prior's floors of classes not measured here stay.
        v.forEach((k, x) -> {
            if (k.startsWith(FLOOR) && !k.equals(FLOOR + GpuLibraryCoefficients.OTHER)) {
                floors.putIfAbsent(k.substring(FLOOR.length()), x);
            }
        });
        // Operator kinds never measured pay a framework's least dispatch: the elementwise floor where known.
        floors.put(GpuLibraryCoefficients.OTHER, floors.getOrDefault("elementwise",
                floors.values().stream().mapToDouble(Double::doubleValue).min().orElse(DEFAULT_FLOOR_US)));
        Map<GpuLibraryScalar, Double> scalars = new java.util.EnumMap<>(GpuLibraryScalar.class);
        for (GpuLibraryScalar s : GpuLibraryScalar.values()) {
            scalars.put(s, v.getOrDefault(s.key(), s.unfitted()));
        }
        return GpuLibraryCoefficients.of(family, scalars, gemm, conv, stream, rowGaps, floors, source);
    }
}
