package dev.dynlat.calibration.fit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * Fits a {@link ParametricModel} to measured latencies by non-linear least squares on
 * log-residuals {@code ln(predicted) - ln(measured)}, using Commons Math's Levenberg-Marquardt.
 *
 * <p>Why log-residuals: latencies span microseconds to seconds, and what matters is the
 * <em>relative</em> error; in log space a 10 % miss on a 10 µs kernel weighs as much as on a
 * 100 ms one, and the multiplicative measurement noise becomes additive.
 *
 * <p>Bounds are enforced by optimizing over unbounded internal coordinates (see
 * {@link ParameterTransform}: logistic in log space for positive bounded parameters, a shifted log
 * for half-bounded ones), so every parameter vector the model sees is within its bounds. The
 * Jacobian is taken numerically by central differences in that internal space with step
 * {@code relativeStep * max(|u|, 1)}. A prediction that is not finite and positive is replaced by
 * a large finite residual so the optimizer steers away from that region instead of failing.
 *
 * <p>The fitter never throws for optimizer trouble: non-convergence, a model that throws, or too
 * few observations come back as a {@link FitResult} with a {@link FitStatus} and a reason.
 * Contract violations by the caller (duplicate parameter names, a key in both sets) are
 * {@link IllegalArgumentException}s.
 */
public final class LogErrorFitter {

    /** Residual (natural-log units, a factor e^50) assigned to an invalid prediction. */
    static final double INVALID_PREDICTION_RESIDUAL = 50.0;

    private final FitOptions options;

    public LogErrorFitter(FitOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public LogErrorFitter() {
        this(FitOptions.defaults());
    }

    /** Fits on {@code split.fitSet()} and evaluates on both sets. */
    public <P> FitResult fit(ParametricModel<P> model, HeldOutSplit<P> split) {
        return fit(model, split.fitSet(), split.heldOutSet());
    }

    /**
     * Fits on {@code fitSet} only; {@code heldOutSet} (may be empty) is used solely for the
     * before/after error statistics.
     */
    public <P> FitResult fit(ParametricModel<P> model, List<Observation<P>> fitSet, List<Observation<P>> heldOutSet) {
        Objects.requireNonNull(model, "model");
        List<ParameterSpec> specs = List.copyOf(model.parameters());
        checkContract(specs, fitSet, heldOutSet);

        double[] initial = specs.stream().mapToDouble(ParameterSpec::initial).toArray();
        Map<String, Double> initialMap = named(specs, initial);
        Evaluation fitBefore = evaluate(model, initial, fitSet);
        Evaluation heldBefore = evaluate(model, initial, heldOutSet);
        ResultBuilder out = new ResultBuilder(initialMap, fitBefore, heldBefore);

        if (fitSet.size() < specs.size()) {
            return out.failed(String.format(Locale.ROOT,
                    "need at least %d fit observations for %d parameters, got %d",
                    specs.size(), specs.size(), fitSet.size()));
        }
        if (fitBefore.error != null) {
            return out.failed("initial parameters: " + fitBefore.error);
        }
        if (heldBefore.error != null) {
            return out.failed("initial parameters: " + heldBefore.error);
        }

        ParameterTransform[] transforms = specs.stream().map(ParameterTransform::new).toArray(ParameterTransform[]::new);
        LogResiduals<P> residuals = new LogResiduals<>(model, fitSet, transforms, options.relativeStep());
        double[] u0 = new double[specs.size()];
        for (int j = 0; j < u0.length; j++) {
            u0[j] = transforms[j].toInternal(initial[j]);
        }
        LeastSquaresProblem problem = new LeastSquaresBuilder()
                .start(u0)
                .target(residuals.logMeasured())
                .model(residuals)
                .maxEvaluations(options.maxEvaluations())
                .maxIterations(options.maxIterations())
                .build();

        LeastSquaresOptimizer.Optimum optimum;
        try {
            optimum = new LevenbergMarquardtOptimizer().optimize(problem);
        } catch (ModelFailure e) {
            return out.failed("model threw at parameters " + named(specs, e.params) + ": " + describe(e.getCause()));
        } catch (RuntimeException e) {
            // Commons Math signals limits and numerical trouble with unchecked exceptions of
            // unrelated types; all of them mean "no converged answer", never a crash for the user.
            return out.notConverged(model, specs, residuals.bestValidParams(initial), fitSet, heldOutSet,
                    "optimizer stopped: " + describe(e), residuals.evaluations());
        }

        double[] fitted = residuals.toExternal(optimum.getPoint().toArray());
        Evaluation fitAfter = evaluate(model, fitted, fitSet);
        if (fitAfter.error != null) {
            return out.notConverged(model, specs, residuals.bestValidParams(initial), fitSet, heldOutSet,
                    "optimizer ended where " + fitAfter.error, residuals.evaluations());
        }
        Evaluation heldAfter = evaluate(model, fitted, heldOutSet);
        Map<String, Double> errors = ParameterUncertainty.standardErrors(optimum.getJacobian(),
                optimum.getResiduals(), optimum.getPoint().toArray(), transforms, specs);
        return out.converged(specs, fitted, fitAfter, heldAfter, optimum.getIterations(), residuals.evaluations(),
                options.poorFitMedianApePct(), errors);
    }

    private static <P> void checkContract(List<ParameterSpec> specs, List<Observation<P>> fitSet,
                                          List<Observation<P>> heldOutSet) {
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("model has no parameters to fit");
        }
        Set<String> names = new HashSet<>();
        for (ParameterSpec s : specs) {
            if (!names.add(s.name())) {
                throw new IllegalArgumentException("duplicate parameter name: " + s.name());
            }
        }
        Set<String> fitKeys = new HashSet<>();
        for (Observation<P> o : fitSet) {
            if (!fitKeys.add(o.key())) {
                throw new IllegalArgumentException("duplicate key in fit set: " + o.key());
            }
        }
        for (Observation<P> o : heldOutSet) {
            if (fitKeys.contains(o.key())) {
                throw new IllegalArgumentException("key in both fit and held-out sets: " + o.key());
            }
        }
    }

    /** Predictions of one parameter vector on one set, or why they could not all be made. */
    private static final class Evaluation {
        final List<Prediction> predictions;
        final String error;

        Evaluation(List<Prediction> predictions, String error) {
            this.predictions = predictions;
            this.error = error;
        }

        GroupedErrorStats stats() {
            return GroupedErrorStats.of(error == null ? predictions : List.of());
        }
    }

    private static <P> Evaluation evaluate(ParametricModel<P> model, double[] params, List<Observation<P>> set) {
        List<Prediction> out = new ArrayList<>(set.size());
        for (Observation<P> o : set) {
            double predicted;
            try {
                predicted = model.predictSeconds(params.clone(), o.payload());
            } catch (RuntimeException e) {
                return new Evaluation(List.of(), "model threw for key " + o.key() + ": " + describe(e));
            }
            if (!Double.isFinite(predicted) || predicted <= 0) {
                return new Evaluation(List.of(), "model predicts " + predicted + " s for key " + o.key());
            }
            out.add(new Prediction(o.key(), o.group(), predicted, o.measuredS()));
        }
        return new Evaluation(out, null);
    }

    private static Map<String, Double> named(List<ParameterSpec> specs, double[] values) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int j = 0; j < specs.size(); j++) {
            m.put(specs.get(j).name(), values[j]);
        }
        return m;
    }

    private static String describe(Throwable e) {
        return e == null ? "unknown" : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** Assembles results so that every exit path reports the same before-statistics. */
    private static final class ResultBuilder {
        private final Map<String, Double> initialMap;
        private final Evaluation fitBefore;
        private final Evaluation heldBefore;

        ResultBuilder(Map<String, Double> initialMap, Evaluation fitBefore, Evaluation heldBefore) {
            this.initialMap = initialMap;
            this.fitBefore = fitBefore;
            this.heldBefore = heldBefore;
        }

        FitResult failed(String reason) {
            return new FitResult(FitStatus.FAILED, false, reason, initialMap, initialMap,
                    fitBefore.stats(), fitBefore.stats(), heldBefore.stats(), heldBefore.stats(),
                    fitBefore.predictions, heldBefore.predictions, -1, 0, Map.of());
        }

        <P> FitResult notConverged(ParametricModel<P> model, List<ParameterSpec> specs, double[] best,
                                   List<Observation<P>> fitSet, List<Observation<P>> heldOutSet,
                                   String reason, int evaluations) {
            Evaluation fitAfter = evaluate(model, best, fitSet);
            Evaluation heldAfter = evaluate(model, best, heldOutSet);
            String why = reason + "; reporting the best parameters evaluated";
            if (heldAfter.error != null) {
                why += "; held-out: " + heldAfter.error;
            }
            return new FitResult(FitStatus.NOT_CONVERGED, false, why, initialMap, named(specs, best),
                    fitBefore.stats(), fitAfter.stats(), heldBefore.stats(), heldAfter.stats(),
                    fitAfter.predictions, heldAfter.predictions, -1, evaluations, Map.of());
        }

        FitResult converged(List<ParameterSpec> specs, double[] fitted, Evaluation fitAfter, Evaluation heldAfter,
                            int iterations, int evaluations, double poorFitMedianApePct,
                            Map<String, Double> standardErrors) {
            GroupedErrorStats fitAfterStats = fitAfter.stats();
            double before = fitBefore.stats().overall().medianApePct();
            double after = fitAfterStats.overall().medianApePct();
            FitStatus status = FitStatus.CONVERGED;
            String reason = String.format(Locale.ROOT,
                    "converged after %d iterations; fit-set median APE %.2f%% -> %.2f%%", iterations, before, after);
            if (after > poorFitMedianApePct) {
                status = FitStatus.POOR_FIT;
                reason += String.format(Locale.ROOT,
                        "; above the %.1f%% limit, the model shape does not describe the data", poorFitMedianApePct);
            }
            if (heldAfter.error != null) {
                status = FitStatus.POOR_FIT;
                reason += "; held-out: " + heldAfter.error;
            }
            return new FitResult(status, true, reason, initialMap, named(specs, fitted),
                    fitBefore.stats(), fitAfterStats, heldBefore.stats(), heldAfter.stats(),
                    fitAfter.predictions, heldAfter.predictions, iterations, evaluations, standardErrors);
        }
    }

    /** A model exception, carried through the optimizer with the parameters that caused it. */
    private static final class ModelFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient double[] params;

        ModelFailure(double[] params, RuntimeException cause) {
            super(cause);
            this.params = params;
        }
    }

    /**
     * Log-predictions as a function of the internal coordinates, with a central-difference
     * Jacobian; remembers the best all-valid parameter vector seen, for non-converged results.
     */
    private static final class LogResiduals<P> implements MultivariateJacobianFunction {
        private final ParametricModel<P> model;
        private final List<Observation<P>> observations;
        private final ParameterTransform[] transforms;
        private final double relativeStep;
        private final double[] logMeasured;
        private double[] bestValidParams;
        private double bestCost = Double.POSITIVE_INFINITY;
        private int evaluations;

        LogResiduals(ParametricModel<P> model, List<Observation<P>> observations,
                     ParameterTransform[] transforms, double relativeStep) {
            this.model = model;
            this.observations = observations;
            this.transforms = transforms;
            this.relativeStep = relativeStep;
            this.logMeasured = observations.stream().mapToDouble(o -> Math.log(o.measuredS())).toArray();
        }

        double[] logMeasured() {
            return logMeasured.clone();
        }

        int evaluations() {
            return evaluations;
        }

        /** Best all-valid parameters evaluated, or {@code fallback} when none was evaluated yet. */
        double[] bestValidParams(double[] fallback) {
            return (bestValidParams == null ? fallback : bestValidParams).clone();
        }

        double[] toExternal(double[] u) {
            double[] p = new double[u.length];
            for (int j = 0; j < u.length; j++) {
                p[j] = transforms[j].toExternal(u[j]);
            }
            return p;
        }

        @Override
        public Pair<RealVector, RealMatrix> value(RealVector point) {
            evaluations++;
            double[] u = point.toArray();
            double[] center = logPredictions(u, true);
            double[][] jac = new double[center.length][u.length];
            for (int j = 0; j < u.length; j++) {
                double h = relativeStep * Math.max(Math.abs(u[j]), 1.0);
                double saved = u[j];
                u[j] = saved + h;
                double[] plus = logPredictions(u, false);
                u[j] = saved - h;
                double[] minus = logPredictions(u, false);
                u[j] = saved;
                for (int i = 0; i < center.length; i++) {
                    jac[i][j] = (plus[i] - minus[i]) / (2 * h);
                }
            }
            return new Pair<>(new ArrayRealVector(center, false), new Array2DRowRealMatrix(jac, false));
        }

        private double[] logPredictions(double[] u, boolean track) {
            double[] params = toExternal(u);
            double[] values = new double[observations.size()];
            boolean allValid = true;
            double cost = 0;
            for (int i = 0; i < values.length; i++) {
                double predicted;
                try {
                    predicted = model.predictSeconds(params.clone(), observations.get(i).payload());
                } catch (RuntimeException e) {
                    throw new ModelFailure(params, e);
                }
                if (Double.isFinite(predicted) && predicted > 0) {
                    values[i] = Math.log(predicted);
                } else {
                    allValid = false;
                    values[i] = logMeasured[i] + INVALID_PREDICTION_RESIDUAL;
                }
                double r = values[i] - logMeasured[i];
                cost += r * r;
            }
            if (track && allValid && (bestValidParams == null || cost < bestCost)) {
                bestCost = cost;
                bestValidParams = params;
            }
            return values;
        }
    }
}
