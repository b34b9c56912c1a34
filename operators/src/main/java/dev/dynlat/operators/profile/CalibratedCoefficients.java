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
 * @param gpuLibrary the GPU library model's terms ({@code gpu_library}): when present, the calibrated
 *     variant prices operators as cuBLAS and cuDNN run them, and the four scalar terms above only
 *     summarise them (mean GEMM efficiency, DRAM efficiency, 1, kernel gap)
 */
public record CalibratedCoefficients(double laneEfficiency, double dramEfficiency, double l2Efficiency,
                                     double launchOverheadUs, Map<String, Double> classEfficiency,
                                     Map<String, Double> classOverheadUs, CalibrationRecord calibration,
                                     java.util.Optional<GpuLibraryCoefficients> gpuLibrary) {
    public CalibratedCoefficients {
        java.util.Objects.requireNonNull(gpuLibrary, "gpuLibrary");
        // Keys are validated operator classes: a misspelt class would silently never apply.
        classEfficiency.keySet().forEach(OperatorClass::new);
        classOverheadUs.keySet().forEach(OperatorClass::new);
        classEfficiency = java.util.Collections.unmodifiableMap(new TreeMap<>(classEfficiency));
        classOverheadUs = java.util.Collections.unmodifiableMap(new TreeMap<>(classOverheadUs));
    }

    /** Coefficients of the analytic model alone (no GPU library terms). */
    public CalibratedCoefficients(double laneEfficiency, double dramEfficiency, double l2Efficiency,
                                  double launchOverheadUs, Map<String, Double> classEfficiency,
                                  Map<String, Double> classOverheadUs, CalibrationRecord calibration) {
        this(laneEfficiency, dramEfficiency, l2Efficiency, launchOverheadUs, classEfficiency, classOverheadUs,
                calibration, java.util.Optional.empty());
    }

    /**
     * Coefficients that are the GPU library model's terms, with the scalar terms summarising them
     * (the analytic tile model then only supplies the MACs and bytes of kinds the library model has
     * no kernels for).
     */
    public static CalibratedCoefficients ofGpuLibrary(GpuLibraryCoefficients library, CalibrationRecord calibration) {
        double meanGemm = library.gemmEfficiency().values().stream().mapToDouble(Double::doubleValue).average()
                .orElse(1);
        return new CalibratedCoefficients(meanGemm, library.dramEfficiency(), 1, library.kernelGapUs(), Map.of(),
                Map.of(), calibration, java.util.Optional.of(library));
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
     * @param samples raw timed samples behind the fit and its evaluation (every run of every attempt)
     * @param heldOutMedianApePct median absolute percentage error on held-out configurations
     * @param simd ISA level of the kernels measured (e.g. {@code x86-64-v4}); empty when not recorded.
     *             With {@code machine} it says which host the coefficients describe: kernels of another
     *             SIMD level are other kernels.
     * @param configurations measured configurations (fit + held out); 0 when not recorded
     * @param atBound fitted coefficients that ended at a bound of their range (suspect: the data
     *                wanted them further), by name
     * @param forced why the fit was judged poor when the profile was written anyway ({@code --force});
     *               empty for a fit that passed
     * @param intervalLow p10 of measured / predicted over the held-out configurations: a prediction
     *                    {@code t} has the band {@code [t × intervalLow, t × intervalHigh]}; 0 when not recorded
     * @param intervalHigh p90 of measured / predicted over the held-out configurations
     * @param speedReferenceUs typical time of the speed-reference kernel next to the calibration's
     *                         measurements, µs (0 when not recorded): the machine's speed the
     *                         coefficients describe, so that a later measurement on a shared host can
     *                         be brought to it (dynlat validate reports errors raw and at this speed)
     */
    public record CalibrationRecord(String date, String machine, String backend, int samples,
                                    double heldOutMedianApePct, String simd, int configurations,
                                    java.util.List<String> atBound, String forced, double intervalLow,
                                    double intervalHigh, double speedReferenceUs) {
        public CalibrationRecord {
            simd = simd == null ? "" : simd;
            atBound = atBound == null ? java.util.List.of() : java.util.List.copyOf(atBound);
            forced = forced == null ? "" : forced;
        }

        /** A record without the SIMD level and fit-quality fields (profiles written before they were recorded). */
        public CalibrationRecord(String date, String machine, String backend, int samples,
                                 double heldOutMedianApePct) {
            this(date, machine, backend, samples, heldOutMedianApePct, "", 0, java.util.List.of(), "", 0, 0, 0);
        }

        /** Whether the speed of the machine at calibration is recorded. */
        public boolean hasSpeedReference() {
            return speedReferenceUs > 0;
        }

        /** Whether a p10–p90 prediction band is recorded. */
        public boolean hasInterval() {
            return intervalLow > 0 && intervalHigh >= intervalLow;
        }
    }
}
