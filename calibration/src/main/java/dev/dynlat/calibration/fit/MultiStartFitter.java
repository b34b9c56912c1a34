package dev.dynlat.calibration.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs {@link LogErrorFitter} from several starting points and keeps the fit with the lowest
 * fit-set median error. Levenberg–Marquardt only finds a local minimum, and the tile searches
 * inside the cost model make the error surface rugged; the held-out set never influences the
 * choice.
 */
public final class MultiStartFitter {
    private final LogErrorFitter fitter;

    public MultiStartFitter(LogErrorFitter fitter) {
        this.fitter = fitter;
    }

    /**
     * Fits from the model's own initial values and from each of {@code starts} (parameter name →
     * initial value; unnamed parameters keep the model's initial value, values are clamped inside
     * the bounds).
     */
    public <P> FitResult fit(ParametricModel<P> model, HeldOutSplit<P> split, List<Map<String, Double>> starts) {
        FitResult best = fitter.fit(model, split);
        for (Map<String, Double> start : starts) {
            FitResult r = fitter.fit(startingAt(model, start), split);
            if (r.usable() && (!best.usable()
                    || r.fitAfter().overall().medianApePct() < best.fitAfter().overall().medianApePct())) {
                best = r;
            }
        }
        return best;
    }

    private static <P> ParametricModel<P> startingAt(ParametricModel<P> model, Map<String, Double> start) {
        List<ParameterSpec> specs = new ArrayList<>();
        for (ParameterSpec s : model.parameters()) {
            Double v = start.get(s.name());
            double init = v == null ? s.initial() : clampInside(v, s.lower(), s.upper());
            specs.add(new ParameterSpec(s.name(), s.unit(), init, s.lower(), s.upper()));
        }
        List<ParameterSpec> fixed = List.copyOf(specs);
        return new ParametricModel<>() {
            @Override
            public List<ParameterSpec> parameters() {
                return fixed;
            }

            @Override
            public double predictSeconds(double[] params, P payload) {
                return model.predictSeconds(params, payload);
            }
        };
    }

    private static double clampInside(double v, double lo, double hi) {
        double span = hi - lo;
        return Math.min(hi - 1e-6 * span, Math.max(lo + 1e-6 * span, v));
    }
}
