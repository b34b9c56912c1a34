package dev.dynlat.calibration.suite;

import dev.dynlat.calibration.fit.FitResult;
import dev.dynlat.calibration.fit.ParameterSpec;
import java.util.ArrayList;
import java.util.List;

/** What a calibrated profile records about its fit besides the coefficients. */
public final class FitQuality {
    /** A coefficient within this factor (log distance) of a bound is reported as at the bound. */
    static final double BOUND_TOLERANCE = 1.01;

    private FitQuality() {
    }

    /** Names of fitted coefficients that ended at (within 1 % of) a bound of their range. */
    public static List<String> atBound(List<ParameterSpec> specs, FitResult fit) {
        List<String> out = new ArrayList<>();
        for (ParameterSpec s : specs) {
            Double v = fit.fittedParams().get(s.name());
            if (v != null && (v <= s.lower() * BOUND_TOLERANCE || v >= s.upper() / BOUND_TOLERANCE)) {
                out.add(s.name());
            }
        }
        return out;
    }

    /**
     * p10 and p90 of measured / predicted over the held-out configurations: multiplied by a
     * prediction they give its 80 % band. {0, 0} when there are fewer than 5 held-out configurations.
     */
    public static double[] interval(FitResult fit) {
        double[] ratios = fit.heldOutPredictions().stream().filter(p -> p.predictedS() > 0 && p.measuredS() > 0)
                .mapToDouble(p -> p.measuredS() / p.predictedS()).sorted().toArray();
        if (ratios.length < 5) {
            return new double[] {0, 0};
        }
        return new double[] {quantile(ratios, 0.1), quantile(ratios, 0.9)};
    }

    /** Linear-interpolated quantile of sorted values. */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

}
