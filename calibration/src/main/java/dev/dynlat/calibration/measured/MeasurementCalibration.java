package dev.dynlat.calibration.measured;

import dev.dynlat.calibration.fit.FitResult;
import dev.dynlat.calibration.fit.HeldOutSplit;
import dev.dynlat.calibration.fit.LogErrorFitter;
import dev.dynlat.calibration.fit.MultiStartFitter;
import dev.dynlat.calibration.fit.Observation;
import dev.dynlat.calibration.model.AnalyticLatencyModel;
import dev.dynlat.calibration.model.CoefficientLayout;
import dev.dynlat.calibration.model.MappedOperator;
import dev.dynlat.calibration.model.RooflineBaseline;
import dev.dynlat.calibration.suite.FitPlan;
import dev.dynlat.calibration.suite.FitQuality;
import dev.dynlat.operators.gpu.GpuDatasheet;
import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.profile.DeviceKind;
import dev.dynlat.operators.profile.GpuLibraryCoefficients;
import dev.dynlat.operators.profile.KernelFamily;
import dev.dynlat.operators.profile.CalibratedCoefficients;
import dev.dynlat.operators.profile.DeviceProfile;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Fits a calibrated model variant to measured operator latencies (NeuSight's kernel files, a device
 * run's raw samples) instead of running the suite: the rows of held-out shape families
 * ({@link ShapeFamily}) never reach the fit; the fit set is every other row, capped per class by a
 * deterministic hash so that a class of 17,000 rows does not make the fit take minutes; then every row
 * is evaluated by the calibrated fit, the base profile as it was, the laudnet variant and the datasheet
 * roofline. The model fitted is the {@link FitPlan}'s, so a better plan is a drop-in.
 */
public final class MeasurementCalibration {
    /**
     * Fit rows kept per class by default: many per coefficient, few enough that a device's 50,000 rows
     * fit in about a minute (each fit evaluation prices every fit row afresh).
     */
    public static final int DEFAULT_FIT_ROWS_PER_CLASS = 200;
    /** The backend a calibration from measurements records. */
    public static final String BACKEND = "measurements";

    private final FitPlan plan;
    private final int fitRowsPerClass;
    private final boolean force;
    private final PrintStream progress;

    /**
     * @param fitRowsPerClass most non-held-out rows of one class the fit uses (the held-out rows of a
     *     class are capped alike while fitting; every row is evaluated afterwards)
     * @param force whether the profile will be written even from a poor fit: its record then says why
     */
    public MeasurementCalibration(FitPlan plan, int fitRowsPerClass, boolean force, PrintStream progress) {
        this.plan = Objects.requireNonNull(plan, "plan");
        if (fitRowsPerClass < 1) {
            throw new IllegalArgumentException("fit rows per class: must be at least 1, got " + fitRowsPerClass);
        }
        this.fitRowsPerClass = fitRowsPerClass;
        this.force = force;
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /**
     * Fits and evaluates.
     *
     * @param base    the profile to calibrate (its laudnet constants are the model's structure)
     * @param rows    measured operators, all of the base profile's device
     * @param sources the files they came from, for the provenance
     * @throws IllegalArgumentException when there is no row to fit or none held out
     */
    public MeasurementOutcome run(DeviceProfile base, List<MeasuredOperator> rows, List<String> sources) {
        if (base.kind() == DeviceKind.GPU) {
            return runLibrary(base, rows, sources);
        }
        long t0 = System.nanoTime();
        List<Observation<MappedOperator>> fitAll = new ArrayList<>();
        List<Observation<MappedOperator>> heldAll = new ArrayList<>();
        for (MeasuredOperator m : rows) {
            Observation<MappedOperator> o = new Observation<>(m.source() + ":" + m.line(), MeasuredClasses.of(m),
                    new MappedOperator(m.spec(), m.batch()), m.latencyMs() * 1e-3, 0);
            (ShapeFamily.heldOut(m) ? heldAll : fitAll).add(o);
        }
        requireBothSides(rows.size(), fitAll.size(), heldAll.size());
        List<Observation<MappedOperator>> fitSet = capPerClass(fitAll);
        List<Observation<MappedOperator>> heldSet = capPerClass(heldAll);
        HeldOutSplit<MappedOperator> split = new HeldOutSplit<>(fitSet, heldSet,
                (double) heldAll.size() / rows.size());
        Set<String> classes = new LinkedHashSet<>();
        fitSet.forEach(o -> classes.add(o.payload().operatorClass()));
        CoefficientLayout layout = plan.layout(classes);
        AnalyticLatencyModel model = new AnalyticLatencyModel(base, layout);
        progress.printf(java.util.Locale.ROOT, "fitting %s on %d rows (of %d outside held-out families; %d"
                + " held-out rows, %d of them judged while fitting) ...%n", plan.model(), fitSet.size(), fitAll.size(),
                heldAll.size(), heldSet.size());
        FitResult fit = new MultiStartFitter(new LogErrorFitter()).fit(model, split, plan.starts());
        double[] params = layout.vector(fit.fittedParams());

        Set<String> fitted = new java.util.HashSet<>();
        fitSet.forEach(o -> fitted.add(o.key()));
        return evaluate(base, rows, sources, plan.model(), fit, fitted,
                m -> model.predictSeconds(params, new MappedOperator(m.spec(), m.batch())),
                record -> layout.coefficients(params, record), FitQuality.atBound(model.parameters(), fit),
                fitSet.size(), t0);
    }

    /** Refuses a split that leaves nothing to fit or nothing to judge the fit by. */
    private static void requireBothSides(int rows, int fit, int held) {
        if (fit == 0) {
            throw new IllegalArgumentException("measurements: every one of the " + rows
                    + " rows is in a held-out shape family; nothing to fit");
        }
        if (held == 0) {
            throw new IllegalArgumentException("measurements: none of the " + rows
                    + " rows is in a held-out shape family; the fit could not be judged");
        }
    }

    /**
     * Fits the GPU library model ({@link GpuLibraryFit}) to the rows outside held-out families: the
     * calibrated model of a GPU profile. The kernel family comes from the base profile's library terms
     * (which the fit then holds for operator classes these rows lack) or from the cuBLAS kernels the
     * rows name.
     */
    private MeasurementOutcome runLibrary(DeviceProfile base, List<MeasuredOperator> rows, List<String> sources) {
        long t0 = System.nanoTime();
        List<MeasuredOperator> fitRows = rows.stream().filter(m -> !ShapeFamily.heldOut(m)).toList();
        List<MeasuredOperator> heldRows = rows.stream().filter(ShapeFamily::heldOut).toList();
        requireBothSides(rows.size(), fitRows.size(), heldRows.size());
        Optional<GpuLibraryCoefficients> prior = base.calibrated().flatMap(CalibratedCoefficients::gpuLibrary);
        KernelFamily family = prior.map(GpuLibraryCoefficients::family).or(() -> KernelFamilies.named(rows))
                .orElseThrow(() -> new IllegalArgumentException("kernel family: the measurements name no cuBLAS"
                        + " kernel (maxwell_/volta_/ampere_sgemm) and the base profile '" + base.name()
                        + "' has no gpu_library terms; give --device a profile with gpu_library terms"));
        progress.printf(java.util.Locale.ROOT, "fitting the GPU library model (%s kernels%s) on the %d rows outside"
                + " held-out families; %d held-out rows ...%n", family.id(),
                prior.isPresent() ? ", over " + base.name() + "'s terms" : "", fitRows.size(), heldRows.size());
        String source = "fitted by dynlat calibrate --from-measurements on " + fitRows.size() + " rows of "
                + String.join(", ", fileNames(sources));
        // The model's own caps unless a cap was asked for.
        GpuLibraryFit.Thinning thinning = fitRowsPerClass == DEFAULT_FIT_ROWS_PER_CLASS ? GpuLibraryFit.Thinning.DEFAULT
                : GpuLibraryFit.Thinning.uniform(fitRowsPerClass);
        GpuLibraryFit.Outcome o = GpuLibraryFit.fit(GpuDatasheet.of(base.datasheet()), family, fitRows, heldRows,
                source, prior, thinning);
        Set<String> fitted = new java.util.HashSet<>();
        GpuLibraryFit.thin(fitRows, thinning).forEach(m -> fitted.add(m.source() + ":" + m.line()));
        CalibratedCoefficients.CalibrationRecord provisional = new CalibratedCoefficients.CalibrationRecord(
                LocalDate.now().toString(), "", BACKEND, rows.size(), 0);
        OperatorPricer after = new OperatorPricer(base.withCalibration(Optional.of(
                CalibratedCoefficients.ofGpuLibrary(o.coefficients(), provisional)), base.provenance()),
                ModelVariant.CALIBRATED);
        return evaluate(base, rows, sources, "gpu library (cuBLAS/cuDNN kernels)", o.fit(), fitted, after::latencyS,
                record -> CalibratedCoefficients.ofGpuLibrary(o.coefficients(), record), List.of(), o.thinnedRows(),
                t0);
    }

    /**
     * Evaluates every row with the fitted model, the base profile as it was, the laudnet variant and
     * the datasheet roofline, and builds the calibrated profile with its record (held-out MdAPE and
     * the p10–p90 band of measured / predicted).
     */
    private MeasurementOutcome evaluate(DeviceProfile base, List<MeasuredOperator> rows, List<String> sources,
                                        String modelName, FitResult fit, Set<String> fittedKeys,
                                        java.util.function.ToDoubleFunction<MeasuredOperator> afterS,
                                        java.util.function.Function<CalibratedCoefficients.CalibrationRecord,
                                                CalibratedCoefficients> coefficients,
                                        List<String> atBound, int fitRows, long t0) {
        progress.printf(java.util.Locale.ROOT, "fitted in %.1f s (%s); evaluating %d rows ...%n",
                (System.nanoTime() - t0) * 1e-9, fit.status(), rows.size());
        // "Before" is what predict would say with the base profile: calibrated when it has coefficients.
        OperatorPricer before = new OperatorPricer(base, base.calibrated().isPresent() ? ModelVariant.CALIBRATED
                : ModelVariant.LAUDNET);
        OperatorPricer laudnet = new OperatorPricer(base, ModelVariant.LAUDNET);
        RooflineBaseline roofline = CompulsoryTraffic.datasheetRoofline(base);
        List<EvaluatedOperator> evaluated = new ArrayList<>();
        for (MeasuredOperator m : rows) {
            double laud = laudnet.latencyS(m);
            double bef = before.variant() == ModelVariant.LAUDNET ? laud : before.latencyS(m);
            evaluated.add(new EvaluatedOperator(m, MeasuredClasses.of(m), ShapeFamily.heldOut(m),
                    fittedKeys.contains(m.source() + ":" + m.line()), afterS.applyAsDouble(m), bef, laud,
                    CompulsoryTraffic.rooflineS(roofline, m)));
        }
        List<EvaluatedOperator> held = evaluated.stream().filter(EvaluatedOperator::heldOut).toList();
        Accuracy heldAfter = Accuracy.of(held.stream().mapToDouble(EvaluatedOperator::afterS).toArray(),
                held.stream().mapToDouble(EvaluatedOperator::measuredS).toArray());
        // measured / predicted: multiplied by a prediction, its p10-p90 band (as the suite's calibration records it)
        Accuracy band = Accuracy.of(held.stream().mapToDouble(EvaluatedOperator::measuredS).toArray(),
                held.stream().mapToDouble(EvaluatedOperator::afterS).toArray());
        String machine = base.cudaName().orElse(rows.get(0).device());
        CalibratedCoefficients.CalibrationRecord record = new CalibratedCoefficients.CalibrationRecord(
                LocalDate.now().toString(), machine, BACKEND, rows.size(), heldAfter.mdapePct(), "", rows.size(),
                atBound, fit.usable() || !force ? "" : fit.reason(),
                held.size() >= 5 ? band.ratioP10() : 0,
                held.size() >= 5 ? band.ratioP90() : 0, 0);
        DeviceProfile calibrated = base.withCalibration(Optional.of(coefficients.apply(record)),
                dev.dynlat.operators.profile.CalibrationProvenance.after(base.provenance(),
                        "; calibrated by dynlat calibrate --from-measurements (" + rows.size() + " rows of "
                        + String.join(", ", fileNames(sources)) + "; held-out shape families never fitted; terms no"
                        + " row determines kept from the base profile)"));
        return new MeasurementOutcome(base, calibrated, modelName, fit, evaluated, sources, fitRows,
                (System.nanoTime() - t0) * 1e-9);
    }

    /** At most {@link #fitRowsPerClass} rows of each class, chosen by a hash of the key (order-independent). */
    private List<Observation<MappedOperator>> capPerClass(List<Observation<MappedOperator>> all) {
        Map<String, List<Observation<MappedOperator>>> byClass = new TreeMap<>();
        all.forEach(o -> byClass.computeIfAbsent(o.group(), g -> new ArrayList<>()).add(o));
        List<Observation<MappedOperator>> out = new ArrayList<>();
        Comparator<Observation<MappedOperator>> byHash = Comparator
                .<Observation<MappedOperator>>comparingLong(o -> HeldOutSplit.fnv1a64(o.key()))
                .thenComparing(Observation::key);
        for (List<Observation<MappedOperator>> group : byClass.values()) {
            group.sort(byHash);
            out.addAll(group.subList(0, Math.min(fitRowsPerClass, group.size())));
        }
        out.sort(Comparator.comparing(Observation::key));
        return out;
    }

    /** A file's folder and name ({@code conv/Tesla_T4.csv}): NeuSight names files by GPU, a folder per operator. */
    private static List<String> fileNames(List<String> sources) {
        return sources.stream().map(java.nio.file.Path::of)
                .map(p -> p.getNameCount() > 1 ? p.subpath(p.getNameCount() - 2, p.getNameCount()) : p)
                .map(java.nio.file.Path::toString).toList();
    }
}
