package dev.dynlat.calibration.model;

import dev.dynlat.calibration.fit.ParameterSpec;
import dev.dynlat.operators.profile.CalibratedCoefficients;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Order, units and bounds of the fitted coefficients of the calibrated variant: the four global
 * efficiencies, then one compute-efficiency factor per operator class.
 *
 * <p>The global lane efficiency and the class factor of the reference class ({@code conv}) would
 * be the same degree of freedom, so {@code conv} gets no class factor; every other class is
 * measured relative to dense convolutions. A class factor scales the class's whole modelled time
 * (compute and memory; not the launch overhead), so memory-only classes get one too.
 *
 * @param classes operator classes (spec kinds) with a fitted factor, sorted
 * @param fitBandwidths whether the DRAM and on-chip efficiencies are fitted (else fixed at 1)
 * @param overheadClasses operator classes with a fitted fixed overhead per kernel
 */
public record CoefficientLayout(List<String> classes, boolean fitBandwidths, List<String> overheadClasses) {

    public static final String LANE = "lane_efficiency";
    public static final String DRAM = "dram_efficiency";
    public static final String L2 = "l2_efficiency";
    public static final String LAUNCH = "launch_overhead_us";
    /** Class whose factor is fixed at 1 (absorbed by the lane efficiency). */
    public static final String REFERENCE_CLASS = "conv";

    /** Upper bound of the lane efficiency: 1 = the probed FMA peak. */
    public static final double MAX_LANE_EFFICIENCY = 1.0;

    static final String CLASS_PREFIX = "class.";
    static final String OVERHEAD_PREFIX = "overhead.";

    public CoefficientLayout {
        classes = List.copyOf(new TreeSet<>(classes));
        overheadClasses = List.copyOf(new TreeSet<>(overheadClasses));
        for (String c : classes) {
            if (c.equals(REFERENCE_CLASS)) {
                throw new IllegalArgumentException("class '" + c + "' cannot have a fitted factor");
            }
        }
    }

    /** Bandwidth efficiencies fitted too (as for a GPU, whose kernels share one memory model). */
    public CoefficientLayout(List<String> classes) {
        this(classes, true, List.of());
    }

    /** The layout for the classes present in a data set: every class that a factor can act on. */
    public static CoefficientLayout forClasses(Set<String> present) {
        return forClasses(present, true);
    }

    /**
     * The layout for the classes present; with {@code fitBandwidths} false the DRAM and on-chip
     * efficiencies stay at 1 (the probed bandwidths): when every memory-bound class has its own
     * factor, a global bandwidth efficiency would only trade off against all of them.
     */
    public static CoefficientLayout forClasses(Set<String> present, boolean fitBandwidths) {
        List<String> fitted = new ArrayList<>();
        for (String c : new TreeSet<>(present)) {
            if (!c.equals(REFERENCE_CLASS)) {
                fitted.add(c);
            }
        }
        return new CoefficientLayout(fitted, fitBandwidths, List.of());
    }

    /**
     * The same layout with a fixed per-kernel overhead fitted for each of {@code classes} (kernels
     * of a CPU library differ in their set-up work: locating patches, sorting them, forking
     * threads).
     */
    public CoefficientLayout withOverheads(Set<String> classes) {
        return new CoefficientLayout(this.classes, fitBandwidths, List.copyOf(new TreeSet<>(classes)));
    }

    /** Names of the fitted parameters, in vector order. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        names.add(LANE);
        if (fitBandwidths) {
            names.add(DRAM);
            names.add(L2);
        }
        names.add(LAUNCH);
        for (String c : classes) {
            names.add(CLASS_PREFIX + c);
        }
        for (String c : overheadClasses) {
            names.add(OVERHEAD_PREFIX + c);
        }
        return names;
    }

    public int size() {
        return names().size();
    }

    /**
     * Parameter specs starting from the bootstrapped profile: efficiencies 1 and the probed launch
     * overhead. Bounds are wide because on a CPU warm caches can beat the DRAM stream rate and naive
     * kernels can reach a small fraction of the FMA peak.
     */
    public List<ParameterSpec> parameters(double initialLaunchUs) {
        List<ParameterSpec> specs = new ArrayList<>();
        for (String name : names()) {
            if (name.equals(LANE)) {
                // physical: kernels cannot beat the probed FMA rate (the profile's lanes are the probe's)
                specs.add(new ParameterSpec(LANE, "", 0.5, 0.005, MAX_LANE_EFFICIENCY));
            } else if (name.equals(DRAM) || name.equals(L2)) {
                specs.add(new ParameterSpec(name, "", 1, 0.01, 20));
            } else if (name.equals(LAUNCH)) {
                double launch = Math.min(Math.max(initialLaunchUs, 0.01), 5000);
                specs.add(new ParameterSpec(LAUNCH, "us", launch, 0.001, 10_000));
            } else if (name.startsWith(OVERHEAD_PREFIX)) {
                specs.add(new ParameterSpec(name, "us", 0.1, 1e-4, 1000));
            } else {
                specs.add(new ParameterSpec(name, "", 1, 0.01, 1000));
            }
        }
        return Collections.unmodifiableList(specs);
    }

    /** The value of one named coefficient in a parameter vector; 1 for a bandwidth not fitted. */
    public double value(double[] params, String name) {
        int i = names().indexOf(name);
        if (i < 0) {
            if (name.equals(DRAM) || name.equals(L2)) {
                return 1;
            }
            throw new IllegalArgumentException("no coefficient " + name);
        }
        return params[i];
    }

    /** Class factors of a parameter vector, keyed by operator class. */
    public Map<String, Double> classEfficiency(double[] params) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String c : classes) {
            m.put(c, value(params, CLASS_PREFIX + c));
        }
        return m;
    }

    /** Fixed per-kernel overheads of a parameter vector, microseconds, keyed by operator class. */
    public Map<String, Double> classOverheadUs(double[] params) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String c : overheadClasses) {
            m.put(c, value(params, OVERHEAD_PREFIX + c));
        }
        return m;
    }

    /** The coefficients of a named parameter map (as in a fit result). */
    public double[] vector(Map<String, Double> named) {
        List<String> names = names();
        double[] p = new double[names.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = named.get(names.get(i));
        }
        return p;
    }

    /** Profile coefficients of a parameter vector with the given provenance. */
    public CalibratedCoefficients coefficients(double[] params, CalibratedCoefficients.CalibrationRecord record) {
        return new CalibratedCoefficients(value(params, LANE), value(params, DRAM), value(params, L2),
                value(params, LAUNCH), classEfficiency(params), classOverheadUs(params), record);
    }
}
