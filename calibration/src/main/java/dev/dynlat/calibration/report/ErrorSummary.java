package dev.dynlat.calibration.report;

import dev.dynlat.calibration.fit.ErrorStats;
import dev.dynlat.calibration.fit.Prediction;
import dev.dynlat.calibration.suite.EvaluatedCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Absolute-percentage-error statistics of the three predictors (before calibration, after, roofline)
 * over a set of evaluated cases, overall and per class.
 *
 * @param overall one row over every case
 * @param byGroup one row per class, sorted by class
 */
public record ErrorSummary(Row overall, Map<String, Row> byGroup) {

    /**
     * Statistics of one set of cases.
     *
     * @param count    cases
     * @param before   bootstrapped profile, laudnet variant
     * @param after    calibrated variant
     * @param roofline roofline baseline
     */
    public record Row(int count, ErrorStats before, ErrorStats after, ErrorStats roofline) {
    }

    public static ErrorSummary of(List<EvaluatedCase> cases) {
        Map<String, List<EvaluatedCase>> groups = new TreeMap<>();
        for (EvaluatedCase c : cases) {
            groups.computeIfAbsent(c.group(), g -> new ArrayList<>()).add(c);
        }
        Map<String, Row> rows = new TreeMap<>();
        groups.forEach((g, cs) -> rows.put(g, row(cs)));
        return new ErrorSummary(row(cases), rows);
    }

    static Row row(List<EvaluatedCase> cases) {
        return new Row(cases.size(), stats(cases, EvaluatedCase::beforeS), stats(cases, EvaluatedCase::afterS),
                stats(cases, EvaluatedCase::rooflineS));
    }

    private static ErrorStats stats(List<EvaluatedCase> cases, ToDoubleFunction<EvaluatedCase> predicted) {
        List<Prediction> ps = new ArrayList<>();
        for (EvaluatedCase c : cases) {
            ps.add(new Prediction(c.key(), c.group(), predicted.applyAsDouble(c), c.measuredS()));
        }
        return ErrorStats.of(ps);
    }
}
