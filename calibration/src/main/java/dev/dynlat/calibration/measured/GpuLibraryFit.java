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
import dev.dynlat.operators.gpu.LibraryKernel;
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
 * fit, evenly within each operator: every {@code k}-th row so that no streaming operator contributes
 * more than {@link #MAX_FIT_ROWS_PER_OPERATOR} rows and no library operator more than
 * {@link #MAX_FIT_ROWS_PER_LIBRARY_OPERATOR} (the terms are few, and the thinning keeps a fit of
 * 40,000 rows to a minute).
 */
public final class GpuLibraryFit {
    /** Most fit rows per streaming operator name (e.g. {@code addu}): two terms each. */
    public static final int MAX_FIT_ROWS_PER_OPERATOR = 250;
    /** Most fit rows of a cuBLAS or cuDNN operator: many terms, and a kernel choice to follow. */
    public static final int MAX_FIT_ROWS_PER_LIBRARY_OPERATOR = 600;

    /**
     * How many fit rows of each operator the fit uses (every k-th, evenly within the operator).
     *
     * @param streaming most rows per streaming operator name
     * @param library most rows per cuBLAS or cuDNN operator name
     */
    public record Thinning(int streaming, int library) {
        /** {@link #MAX_FIT_ROWS_PER_OPERATOR} and {@link #MAX_FIT_ROWS_PER_LIBRARY_OPERATOR}. */
        public static final Thinning DEFAULT = new Thinning(MAX_FIT_ROWS_PER_OPERATOR, MAX_FIT_ROWS_PER_LIBRARY_OPERATOR);

        public Thinning {
            if (streaming < 1 || library < 1) {
                throw new IllegalArgumentException("fit rows per operator: must be at least 1, got " + streaming
                        + " and " + library);
            }
        }

        /** The same cap for every operator. */
        public static Thinning uniform(int rows) {
            return new Thinning(rows, rows);
        }
    }

    /** The fitted coefficients with the fit's statistics. */
    public record Outcome(GpuLibraryCoefficients coefficients, FitResult fit, int fitRows, int thinnedRows) {
    }

    private GpuLibraryFit() {
    }

    /** The host-floor class of a measured row. */
    public static String group(MeasuredOperator m) {
        return GpuLibraryCosts.floorClass(m.spec().kind());
    }

    /**
     * Fits the terms of a GPU of {@code family} with datasheet {@code gpu}, in stages that follow
     * the libraries: first the streaming kernels (DRAM efficiency, gaps, row-wise factors and their
     * host floors), then cuBLAS's GEMMs (tile efficiencies, L2, reduction overhead, power throttle,
     * their floors) with the streaming terms held, then cuDNN's convolutions (its kernels'
     * efficiencies and floor; the GEMM terms its Winograd path shares are held). A term is fitted in
     * the first stage whose rows depend on it, so a file of convolutions alone fits the GEMM terms
     * with them.
     */
    public static Outcome fit(GpuDatasheet gpu, KernelFamily family, List<MeasuredOperator> fitRows,
                              List<MeasuredOperator> heldOutRows, String source) {
        return fit(gpu, family, fitRows, heldOutRows, source, java.util.Optional.empty(), Thinning.DEFAULT);
    }

    /**
     * As {@link #fit(GpuDatasheet, KernelFamily, List, List, String)} over a prior: the prior's terms
     * that also describe operator classes these rows do not have are held at the prior's values (a
     * file of convolutions alone then fits only cuDNN's terms and keeps the prior's GEMM and streaming
     * terms).
     */
    public static Outcome fit(GpuDatasheet gpu, KernelFamily family, List<MeasuredOperator> fitRows,
                              List<MeasuredOperator> heldOutRows, String source,
                              java.util.Optional<GpuLibraryCoefficients> prior, Thinning thinning) {
        if (fitRows.isEmpty()) {
            throw new IllegalArgumentException("measurements: no rows to fit (every row is held out or none was read)");
        }
        Set<String> classes = new TreeSet<>();
        fitRows.forEach(r -> classes.add(group(r)));
        GpuLibraryParameters parameters = new GpuLibraryParameters(family, classes);
        List<MeasuredOperator> thinned = thin(fitRows, thinning);
        Map<String, Double> values = new LinkedHashMap<>();
        Set<String> fitted = new TreeSet<>();
        prior.ifPresent(p -> values.putAll(GpuLibraryParameters.values(p)));
        for (GpuLibraryParameters.Term t : parameters.terms()) {
            if (prior.isPresent() && !classes.containsAll(t.usedBy()) && values.containsKey(t.spec().name())) {
                fitted.add(t.spec().name());
            } else {
                values.put(t.spec().name(), t.spec().initial());
            }
        }
        FitResult last = null;
        for (Set<String> stage : List.of(GpuLibraryParameters.STREAMING, GpuLibraryParameters.GEMMS,
                GpuLibraryParameters.CONVS)) {
            List<MeasuredOperator> rows = thinned.stream().filter(r -> stage.contains(group(r))).toList();
            if (rows.isEmpty()) {
                continue;
            }
            List<ParameterSpec> free = new ArrayList<>();
            for (GpuLibraryParameters.Term t : parameters.terms()) {
                if (!fitted.contains(t.spec().name()) && t.usedBy().stream().anyMatch(stage::contains)) {
                    free.add(clampedStart(atMostTheFastest(t, fitRows), values.get(t.spec().name())));
                }
            }
            Model model = new Model(gpu, parameters, values, free);
            List<MeasuredOperator> held = heldOutRows.stream().filter(r -> stage.contains(group(r))).toList();
            HeldOutSplit<MeasuredOperator> split = new HeldOutSplit<>(observations(rows), observations(held),
                    held.isEmpty() ? 0 : (double) held.size() / (held.size() + rows.size()));
            MultiStartFitter fitter = new MultiStartFitter(new LogErrorFitter(new FitOptions(300, 150, 1e-5, 25)));
            FitResult r = fitter.fit(model, split, starts());
            Map<String, Double> result = r.fittedParams().isEmpty() ? r.initialParams() : r.fittedParams();
            values.putAll(result);
            free.forEach(p -> fitted.add(p.name()));
            last = r;
        }
        return new Outcome(parameters.coefficients(values, source), last, fitRows.size(), thinned.size());
    }

    /**
     * A fixed time (a host floor, cuDNN's set-up) is at most the fastest measured call of the classes
     * it describes: the least time an operator takes cannot exceed a time it was measured at. Without
     * the bound a fit may trade the few small operators for the many large ones and give every call a
     * floor several times what small ones take, which whole networks at batch 1 would pay per layer.
     */
    private static ParameterSpec atMostTheFastest(GpuLibraryParameters.Term t, List<MeasuredOperator> rows) {
        if (!t.spec().unit().equals("us") || !(t.spec().name().startsWith(GpuLibraryParameters.FLOOR)
                || t.spec().name().equals(GpuLibraryParameters.SETUP))) {
            return t.spec();
        }
        double fastestUs = rows.stream().filter(r -> t.usedBy().contains(group(r)))
                .mapToDouble(r -> r.latencyMs() * 1e3).min().orElse(Double.POSITIVE_INFINITY);
        double upper = Math.min(t.spec().upper(), fastestUs);
        if (!(upper > t.spec().lower() * 1.01)) {
            return t.spec();
        }
        double initial = Math.min(t.spec().initial(), upper * 0.9);
        return new ParameterSpec(t.spec().name(), t.spec().unit(), Math.max(initial, t.spec().lower() * 1.001),
                t.spec().lower(), upper);
    }

    /** A term's spec starting at a held value (a prior's), kept strictly inside its bounds. */
    private static ParameterSpec clampedStart(ParameterSpec s, Double value) {
        if (value == null) {
            return s;
        }
        double margin = (s.upper() - s.lower()) * 1e-6;
        double v = Math.min(s.upper() - margin, Math.max(s.lower() + margin, value));
        return new ParameterSpec(s.name(), s.unit(), v, s.lower(), s.upper());
    }

    /** The model's prediction for a row under given coefficients, seconds. */
    public static double predictS(GpuLibraryCosts costs, MeasuredOperator m) {
        return predictS(costs, m, LibraryKernel.FASTEST);
    }

    private static double predictS(GpuLibraryCosts costs, MeasuredOperator m, LibraryKernel ran) {
        return costs.cost(m.spec(), m.batch(), ran).orElseThrow(() -> new IllegalArgumentException(
                "operator " + m.opName() + " (" + m.spec().kind() + "): the GPU library model has no kernels for it"))
                .latencyS();
    }

    /**
     * The prediction a fit compares with a row: priced by the kernel the row ran (a convolution's cuDNN
     * algorithm, a GEMM's cuBLAS tile, as its kernel names say), so that each kernel's terms come from
     * its own rows and a wrong choice of kernel does not pull them; what a row does not name is the
     * fastest, as in {@link #predictS}.
     */
    static double fitPredictS(GpuLibraryCosts costs, MeasuredOperator m) {
        return predictS(costs, m, RanKernel.of(m));
    }

    private static List<Map<String, Double>> starts() {
        return List.of(
                Map.of(GpuLibraryParameters.DRAM, 0.6, GpuLibraryParameters.LIBRARY_GAP, 50.0,
                        GpuLibraryParameters.REDUCTION, 40.0, GpuLibraryParameters.L2, 2.0),
                Map.of(GpuLibraryParameters.DRAM, 0.95, GpuLibraryParameters.GAP, 2.0, GpuLibraryParameters.BETA, 0.3,
                        GpuLibraryParameters.TAU, 1.0, GpuLibraryParameters.L2, 5.0,
                        GpuLibraryParameters.LIBRARY_GAP, 5.0),
                Map.of(GpuLibraryParameters.FLOOR + "elementwise", 15.0, GpuLibraryParameters.FLOOR + "activation", 15.0,
                        GpuLibraryParameters.FLOOR + "softmax", 20.0, GpuLibraryParameters.FLOOR + "layernorm", 30.0,
                        GpuLibraryParameters.GAP, 1.0, GpuLibraryParameters.DRAM, 0.7),
                Map.of(GpuLibraryParameters.SETUP, 1.0, GpuLibraryParameters.FLOOR + "conv", 70.0,
                        GpuLibraryParameters.CONV_REDUCTION, 8.0),
                Map.of(GpuLibraryParameters.SETUP, 80.0, GpuLibraryParameters.CONV + "winograd", 0.8,
                        GpuLibraryParameters.CONV + "128x128", 0.95, GpuLibraryParameters.CONV + "64x128", 0.6,
                        GpuLibraryParameters.CONV + "32x128", 0.4));
    }

    public static List<MeasuredOperator> thin(List<MeasuredOperator> rows, Thinning thinning) {
        Map<String, List<MeasuredOperator>> byOp = new TreeMap<>();
        rows.forEach(r -> byOp.computeIfAbsent(r.opName(), k -> new ArrayList<>()).add(r));
        List<MeasuredOperator> out = new ArrayList<>();
        for (List<MeasuredOperator> op : byOp.values()) {
            boolean library = !GpuLibraryParameters.STREAMING.contains(group(op.get(0)));
            int cap = library ? thinning.library() : thinning.streaming();
            int step = Math.max(1, (int) Math.ceil(op.size() / (double) cap));
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

    /** The library model as the fitter sees it: the free terms of a stage over the values held. */
    private static final class Model implements ParametricModel<MeasuredOperator> {
        private final GpuDatasheet gpu;
        private final GpuLibraryParameters parameters;
        private final Map<String, Double> held;
        private final List<ParameterSpec> free;
        private double[] lastParams;
        private GpuLibraryCosts lastCosts;

        Model(GpuDatasheet gpu, GpuLibraryParameters parameters, Map<String, Double> held, List<ParameterSpec> free) {
            this.gpu = gpu;
            this.parameters = parameters;
            this.held = Map.copyOf(held);
            this.free = List.copyOf(free);
        }

        @Override
        public List<ParameterSpec> parameters() {
            return free;
        }

        @Override
        public double predictSeconds(double[] params, MeasuredOperator payload) {
            if (lastParams == null || !Arrays.equals(params, lastParams)) {
                lastParams = params.clone();
                Map<String, Double> v = new LinkedHashMap<>(held);
                for (int i = 0; i < free.size(); i++) {
                    v.put(free.get(i).name(), params[i]);
                }
                lastCosts = new GpuLibraryCosts(new GpuLibraryModel(gpu, parameters.coefficients(v, "fit")));
            }
            return fitPredictS(lastCosts, payload);
        }
    }

    /** The fitted values by name, for reports. */
    public static Map<String, Double> named(FitResult r) {
        return new LinkedHashMap<>(r.fittedParams());
    }
}
