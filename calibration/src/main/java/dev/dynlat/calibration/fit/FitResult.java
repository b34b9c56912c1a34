package dev.dynlat.calibration.fit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Outcome of {@link LogErrorFitter#fit}: parameters and before/after errors on both sets.
 *
 * <p>"Before" is the model at its initial parameters, "after" at {@code fittedParams}. When the
 * fit did not converge, {@code fittedParams} are the best parameters the optimizer evaluated
 * ({@link FitStatus#NOT_CONVERGED}) or the initial ones ({@link FitStatus#FAILED}); read
 * {@code status} and {@code reason} before using them.
 *
 * @param status              outcome class
 * @param converged           true when the optimizer met its convergence criteria
 * @param reason              human-readable explanation; for CONVERGED a short summary
 * @param initialParams       parameter name to initial value, in model order (units in
 *                            {@link ParameterSpec#unit()})
 * @param fittedParams        parameter name to fitted value, in model order
 * @param fitBefore           errors on the fit set at the initial parameters
 * @param fitAfter            errors on the fit set at the fitted parameters
 * @param heldOutBefore       errors on the held-out set at the initial parameters
 * @param heldOutAfter        errors on the held-out set at the fitted parameters
 * @param fitPredictions      per-observation predictions at the fitted parameters, fit set
 * @param heldOutPredictions  per-observation predictions at the fitted parameters, held-out set
 * @param iterations          optimizer iterations, -1 when it stopped abnormally
 * @param evaluations         residual+Jacobian evaluations performed
 * @param standardErrors      parameter name to standard error from the fit's covariance, in the
 *                            parameter's units (infinite when the data do not determine it; empty
 *                            when the fit did not converge); see {@code ParameterUncertainty}
 */
public record FitResult(
        FitStatus status,
        boolean converged,
        String reason,
        Map<String, Double> initialParams,
        Map<String, Double> fittedParams,
        GroupedErrorStats fitBefore,
        GroupedErrorStats fitAfter,
        GroupedErrorStats heldOutBefore,
        GroupedErrorStats heldOutAfter,
        List<Prediction> fitPredictions,
        List<Prediction> heldOutPredictions,
        int iterations,
        int evaluations,
        Map<String, Double> standardErrors) {

    public FitResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        initialParams = Collections.unmodifiableMap(new LinkedHashMap<>(initialParams));
        fittedParams = Collections.unmodifiableMap(new LinkedHashMap<>(fittedParams));
        Objects.requireNonNull(fitBefore, "fitBefore");
        Objects.requireNonNull(fitAfter, "fitAfter");
        Objects.requireNonNull(heldOutBefore, "heldOutBefore");
        Objects.requireNonNull(heldOutAfter, "heldOutAfter");
        fitPredictions = List.copyOf(fitPredictions);
        heldOutPredictions = List.copyOf(heldOutPredictions);
        standardErrors = Collections.unmodifiableMap(new LinkedHashMap<>(standardErrors));
    }

    /**
     * Standard error of a fitted coefficient relative to its value, percent (NaN when not known,
     * infinite when the data do not determine it).
     */
    public double relativeErrorPct(String name) {
        Double e = standardErrors.get(name);
        Double v = fittedParams.get(name);
        return e == null || v == null || v == 0 ? Double.NaN : 100 * e / Math.abs(v);
    }

    /** Fitted value of one parameter. */
    public double param(String name) {
        Double v = fittedParams.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no parameter named " + name + "; have " + fittedParams.keySet());
        }
        return v;
    }

    /** True when the parameters are usable: converged and not a poor fit. */
    public boolean usable() {
        return status == FitStatus.CONVERGED;
    }
}
