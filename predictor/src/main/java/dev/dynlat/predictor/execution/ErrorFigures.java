package dev.dynlat.predictor.execution;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Accuracy of predictions over a set of configurations.
 *
 * @param count          configurations
 * @param medianApePct   median absolute percentage error
 * @param within20Pct    share of configurations within ±20 %, percent
 * @param worstApePct    largest absolute percentage error
 */
public record ErrorFigures(int count, double medianApePct, double within20Pct, double worstApePct) {
    public static <T> ErrorFigures of(List<T> items, ToDoubleFunction<T> predicted, ToDoubleFunction<T> measured) {
        double[] ape = items.stream().mapToDouble(i -> Math.abs(CaseResult.errorPct(predicted.applyAsDouble(i),
                measured.applyAsDouble(i)))).filter(Double::isFinite).toArray();
        if (ape.length == 0) {
            return new ErrorFigures(0, Double.NaN, Double.NaN, Double.NaN);
        }
        long within = java.util.Arrays.stream(ape).filter(a -> a <= 20).count();
        double worst = java.util.Arrays.stream(ape).max().orElse(Double.NaN);
        return new ErrorFigures(ape.length, CaseResult.median(ape), 100.0 * within / ape.length, worst);
    }
}
