package dev.dynlat.calibration.measured;

import dev.dynlat.calibration.fit.FitOptions;
import dev.dynlat.calibration.fit.FitResult;
import dev.dynlat.calibration.fit.HeldOutSplit;
import dev.dynlat.calibration.fit.LogErrorFitter;
import dev.dynlat.calibration.fit.MultiStartFitter;
import dev.dynlat.calibration.fit.Observation;
import dev.dynlat.calibration.fit.ParameterSpec;
import dev.dynlat.calibration.fit.ParametricModel;
import dev.dynlat.operators.gpu.GpuDatasheet;
import dev.dynlat.operators.profile.GpuLibraryCoefficients;
import dev.dynlat.operators.gpu.GpuLibraryCosts;
import dev.dynlat.operators.gpu.GpuLibraryModel;
import dev.dynlat.operators.profile.KernelFamily;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Fits the GPU library model of one GPU to measured operators by Levenberg–Marquardt on log error
 * (the calibration module's {@link LogErrorFitter}), from several starts. The fit sees only the
 * rows it is given; held-out rows are only evaluated. Large measurement sets are thinned for the
 * fit, evenly within each operator: every {@code k}-th row so that no operator contributes more
 * than {@link #MAX_FIT_ROWS_PER_OPERATOR} rows (the terms are few, and the thinning keeps a fit of
 * 40,000 rows to a minute).
 */
public final class GpuLibraryFit {
    /** Most fit rows per operator name (e.g. {@code conv}, {@code addu}). */
    public static final int MAX_FIT_ROWS_PER_OPERATOR = 700;

    /** The fitted coefficients with the fit's statistics. */
    public record Outcome(GpuLibraryCoefficients coefficients, FitResult fit, int fitRows, int thinnedRows) {
    }

    private GpuLibraryFit() {
    }

    /** The host-floor class of a measured row. */
    public static String group(MeasuredOperator m) {
        return GpuLibraryCosts.floorClass(m.spec().kind());
    }

    /** Fits the terms of a GPU of {@code family} with datasheet {@code gpu}. */
    public static Outcome fit(GpuDatasheet gpu, KernelFamily family, List<MeasuredOperator> fitRows,
                              List<MeasuredOperator> heldOutRows, String source) {
        if (fitRows.isEmpty()) {
            throw new IllegalArgumentException("measurements: no rows to fit (every row is held out or none was read)");
        }
        Set<String> classes = new TreeSet<>();
        fitRows.forEach(r -> classes.add(group(r)));
        GpuLibraryParameters parameters = new GpuLibraryParameters(family, classes);
        List<MeasuredOperator> thinned = thin(fitRows);
        Model model = new Model(gpu, parameters);
        HeldOutSplit<MeasuredOperator> split = new HeldOutSplit<>(observations(thinned),
                observations(heldOutRows), heldOutRows.isEmpty() ? 0
                : (double) heldOutRows.size() / (heldOutRows.size() + fitRows.size()));
        MultiStartFitter fitter = new MultiStartFitter(new LogErrorFitter(new FitOptions(400, 200, 1e-5, 25)));
        FitResult result = fitter.fit(model, split, starts());
        Map<String, Double> fitted = result.fittedParams().isEmpty() ? result.initialParams() : result.fittedParams();
        return new Outcome(parameters.coefficients(fitted, source), result, fitRows.size(), thinned.size());
    }

    /** The model's prediction for a row under given coefficients, seconds. */
    public static double predictS(GpuLibraryCosts costs, MeasuredOperator m) {
        return costs.cost(m.spec(), m.batch()).orElseThrow(() -> new IllegalArgumentException(
                "operator " + m.opName() + " (" + m.spec().kind() + "): the GPU library model has no kernels for it"))
                .latencyS();
    }

    private static List<Map<String, Double>> starts() {
        return List.of(
                Map.of(GpuLibraryParameters.DRAM, 0.6, GpuLibraryParameters.GAP, 30.0,
                        GpuLibraryParameters.REDUCTION, 40.0, GpuLibraryParameters.L2, 2.0),
                Map.of(GpuLibraryParameters.DRAM, 0.95, GpuLibraryParameters.GAP, 3.0, GpuLibraryParameters.BETA, 0.3,
                        GpuLibraryParameters.TAU, 1.0, GpuLibraryParameters.L2, 5.0));
    }

    static List<MeasuredOperator> thin(List<MeasuredOperator> rows) {
        Map<String, List<MeasuredOperator>> byOp = new TreeMap<>();
        rows.forEach(r -> byOp.computeIfAbsent(r.opName(), k -> new ArrayList<>()).add(r));
        List<MeasuredOperator> out = new ArrayList<>();
        for (List<MeasuredOperator> op : byOp.values()) {
            int step = Math.max(1, (int) Math.ceil(op.size() / (double) MAX_FIT_ROWS_PER_OPERATOR));
            for (int i = 0; i < op.size(); i += step) {
                out.add(op.get(i));
            }
        }
        return out;
    }

    static List<Observation<MeasuredOperator>> observations(List<MeasuredOperator> rows) {
        List<Observation<MeasuredOperator>> out = new ArrayList<>(rows.size());
        for (MeasuredOperator r : rows) {
            out.add(new Observation<>(r.source() + ":" + r.line(), group(r), r, r.latencyMs() * 1e-3, 0));
        }
        return out;
    }

    /** The library model as the fitter sees it; the model of the last parameter vector is kept. */
    private static final class Model implements ParametricModel<MeasuredOperator> {
        private final GpuDatasheet gpu;
        private final GpuLibraryParameters parameters;
        private double[] lastParams;
        private GpuLibraryCosts lastCosts;

        Model(GpuDatasheet gpu, GpuLibraryParameters parameters) {
            this.gpu = gpu;
            this.parameters = parameters;
        }

        @Override
        public List<ParameterSpec> parameters() {
            return parameters.specs();
        }

        @Override
        public double predictSeconds(double[] params, MeasuredOperator payload) {
            if (lastParams == null || !Arrays.equals(params, lastParams)) {
                lastParams = params.clone();
                lastCosts = new GpuLibraryCosts(new GpuLibraryModel(gpu, parameters.coefficients(params, "fit")));
            }
            return predictS(lastCosts, payload);
        }
    }

    /** The fitted values by name, for reports. */
    public static Map<String, Double> named(FitResult r) {
        return new LinkedHashMap<>(r.fittedParams());
    }
}
