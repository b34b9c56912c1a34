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
 */
public record CoefficientLayout(List<String> classes) {

    public static final String LANE = "lane_efficiency";
    public static final String DRAM = "dram_efficiency";
    public static final String L2 = "l2_efficiency";
    public static final String LAUNCH = "launch_overhead_us";
    /** Class whose factor is fixed at 1 (absorbed by the lane efficiency). */
    public static final String REFERENCE_CLASS = "conv";

    static final String CLASS_PREFIX = "class.";

    public CoefficientLayout {
        classes = List.copyOf(new TreeSet<>(classes));
        for (String c : classes) {
            if (c.equals(REFERENCE_CLASS)) {
                throw new IllegalArgumentException("class '" + c + "' cannot have a fitted factor");
            }
        }
    }

    /** The layout for the classes present in a data set: every class that a factor can act on. */
    public static CoefficientLayout forClasses(Set<String> present) {
        List<String> fitted = new ArrayList<>();
        for (String c : new TreeSet<>(present)) {
            if (!c.equals(REFERENCE_CLASS)) {
                fitted.add(c);
            }
        }
        return new CoefficientLayout(fitted);
    }

    public int size() {
        return 4 + classes.size();
    }

    /**
     * Parameter specs starting from the bootstrapped profile: efficiencies 1 and the probed launch
     * overhead. Bounds are wide because on a CPU warm caches can beat the DRAM stream rate and naive
     * kernels can reach a small fraction of the FMA peak.
     */
    public List<ParameterSpec> parameters(double initialLaunchUs) {
        List<ParameterSpec> specs = new ArrayList<>();
        specs.add(new ParameterSpec(LANE, "", 0.5, 0.005, 2));
        specs.add(new ParameterSpec(DRAM, "", 1, 0.01, 20));
        specs.add(new ParameterSpec(L2, "", 1, 0.01, 20));
        double launch = Math.min(Math.max(initialLaunchUs, 0.01), 5000);
        specs.add(new ParameterSpec(LAUNCH, "us", launch, 0.001, 10_000));
        for (String c : classes) {
            specs.add(new ParameterSpec(CLASS_PREFIX + c, "", 1, 0.01, 100));
        }
        return Collections.unmodifiableList(specs);
    }

    /** Class factors of a parameter vector, keyed by operator class. */
    public Map<String, Double> classEfficiency(double[] params) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            m.put(classes.get(i), params[4 + i]);
        }
        return m;
    }

    /** The coefficients of a named parameter map (as in a fit result). */
    public double[] vector(Map<String, Double> named) {
        double[] p = new double[size()];
        p[0] = named.get(LANE);
        p[1] = named.get(DRAM);
        p[2] = named.get(L2);
        p[3] = named.get(LAUNCH);
        for (int i = 0; i < classes.size(); i++) {
            p[4 + i] = named.get(CLASS_PREFIX + classes.get(i));
        }
        return p;
    }

    /** Profile coefficients of a parameter vector with the given provenance. */
    public CalibratedCoefficients coefficients(double[] params, CalibratedCoefficients.CalibrationRecord record) {
        return new CalibratedCoefficients(params[0], params[1], params[2], params[3], classEfficiency(params),
                record);
    }
}
