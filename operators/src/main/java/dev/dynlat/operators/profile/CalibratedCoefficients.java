package dev.dynlat.operators.profile;

import java.util.Map;
import java.util.TreeMap;

/**
 * Coefficients of the {@code calibrated} model variant, fitted to measurements. They scale the
 * analytic constants of the same profile: effective rates are nominal rates times efficiency.
 *
 * @param laneEfficiency fraction of the nominal MAC rate that kernels reach (0, 1.5]
 * @param dramEfficiency fraction of the nominal DRAM bandwidth reached
 * @param l2Efficiency fraction of the nominal on-chip bandwidth reached
 * @param launchOverheadUs measured fixed cost per kernel, microseconds
 * @param classEfficiency efficiency factor per {@link OperatorClass} (e.g. {@code conv}, {@code depthwise},
 *     {@code gather}) that divides the class's modelled time; a missing class means 1
 * @param classOverheadUs fixed cost per kernel of an operator class on top of the launch overhead
 *     (its own set-up work), microseconds; a missing class means 0
 * @param calibration how and when the coefficients were measured
 */
public record CalibratedCoefficients(double laneEfficiency, double dramEfficiency, double l2Efficiency,
                                     double launchOverheadUs, Map<String, Double> classEfficiency,
                                     Map<String, Double> classOverheadUs, CalibrationRecord calibration) {
    public CalibratedCoefficients {
        // Keys are validated operator classes: a misspelt class would silently never apply.
        classEfficiency.keySet().forEach(OperatorClass::new);
        classOverheadUs.keySet().forEach(OperatorClass::new);
        classEfficiency = java.util.Collections.unmodifiableMap(new TreeMap<>(classEfficiency));
        classOverheadUs = java.util.Collections.unmodifiableMap(new TreeMap<>(classOverheadUs));
    }

    /** Coefficients without per-class overheads. */
    public CalibratedCoefficients(double laneEfficiency, double dramEfficiency, double l2Efficiency,
                                  double launchOverheadUs, Map<String, Double> classEfficiency,
                                  CalibrationRecord calibration) {
        this(laneEfficiency, dramEfficiency, l2Efficiency, launchOverheadUs, classEfficiency, Map.of(), calibration);
    }

    /** The factor for an operator class, 1 when the class was not fitted. */
    public double classFactor(String operatorClass) {
        return classEfficiency.getOrDefault(operatorClass, 1.0);
    }

    /**
     * Provenance of a calibration run.
     *
     * @param date ISO date of the run
     * @param machine host description (CPU model or GPU name)
     * @param backend {@code cpu} or {@code cuda}
     * @param samples number of measurements used (fit + held out)
     * @param heldOutMedianApePct median absolute percentage error on held-out configurations
     */
    public record CalibrationRecord(String date, String machine, String backend, int samples,
                                    double heldOutMedianApePct) {
    }
}
