package dev.dynlat.calibration.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Standard errors from the fit's covariance match the textbook case, grow with the noise, and call
 * a coefficient the data cannot see undetermined instead of exact.
 */
class ParameterUncertaintyTest {
    /** t = work / rate (+ ignored · 0): in log space ln t = ln work − ln rate, so ln rate is a mean. */
    private static ParametricModel<Double> model(boolean withIgnored) {
        return new ParametricModel<>() {
            @Override
            public List<ParameterSpec> parameters() {
                List<ParameterSpec> p = new ArrayList<>(List.of(new ParameterSpec("rate", "1/s", 1e9, 1e6, 1e12)));
                if (withIgnored) {
                    p.add(new ParameterSpec("ignored", "", 1, 0.01, 100));
                }
                return p;
            }

            @Override
            public double predictSeconds(double[] params, Double work) {
                return work / params[0];
            }
        };
    }

    private static List<Observation<Double>> observations(int n, double logSigma, long seed) {
        Random r = new Random(seed);
        List<Observation<Double>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double work = 1e6 * (1 + i);
            out.add(new Observation<>("o" + i, "g", work, work / 3e9 * Math.exp(logSigma * r.nextGaussian()), 0));
        }
        return out;
    }

    @Test
    void theErrorOfAMeanInLogSpaceIsSigmaOverRootN() {
        double sigma = 0.1;
        int n = 400;
        FitResult r = new LogErrorFitter().fit(model(false), observations(n, sigma, 7), List.of());
        assertTrue(r.usable(), r.reason());
        // ln rate is the mean of n log-normal draws: its error is sigma / sqrt(n), so the rate's is rate × that
        double expected = r.param("rate") * sigma / Math.sqrt(n);
        assertEquals(expected, r.standardErrors().get("rate"), 0.15 * expected);
        assertEquals(100 * sigma / Math.sqrt(n), r.relativeErrorPct("rate"), 0.15 * 100 * sigma / Math.sqrt(n));
    }

    @Test
    void moreNoiseMeansLargerErrors() {
        FitResult quiet = new LogErrorFitter().fit(model(false), observations(100, 0.02, 3), List.of());
        FitResult noisy = new LogErrorFitter().fit(model(false), observations(100, 0.2, 3), List.of());
        assertTrue(noisy.relativeErrorPct("rate") > 5 * quiet.relativeErrorPct("rate"),
                quiet.relativeErrorPct("rate") + " vs " + noisy.relativeErrorPct("rate"));
    }

    @Test
    void aCoefficientTheDataCannotSeeIsUndetermined() {
        // two coefficients; predictions depend on the first only (the second column of J is zero)
        double[][] jac = new double[20][2];
        double[] res = new double[20];
        for (int i = 0; i < 20; i++) {
            jac[i][0] = 1;
            res[i] = (i % 2 == 0 ? 1 : -1) * 0.05;
        }
        List<ParameterSpec> specs = List.of(new ParameterSpec("seen", "", 1, 0.01, 100),
                new ParameterSpec("ignored", "", 1, 0.01, 100));
        ParameterTransform[] t = specs.stream().map(ParameterTransform::new).toArray(ParameterTransform[]::new);
        double[] u = {t[0].toInternal(1), t[1].toInternal(1)};
        var errors = ParameterUncertainty.standardErrors(new org.apache.commons.math3.linear.Array2DRowRealMatrix(jac),
                new org.apache.commons.math3.linear.ArrayRealVector(res), u, t, specs);
        assertEquals(Double.POSITIVE_INFINITY, errors.get("ignored"));
        // seen: s² = 20 × 0.0025 / 18, (JᵀJ)⁻¹ = 1/20, times the transform's slope at 1
        double expected = Math.abs(ParameterUncertainty.slope(t[0], u[0])) * Math.sqrt(20 * 0.0025 / 18 / 20);
        assertEquals(expected, errors.get("seen"), 1e-12);
    }

    @Test
    void failedFitsCarryNoErrors() {
        FitResult r = new LogErrorFitter().fit(model(false), List.of(), List.of());
        assertTrue(r.standardErrors().isEmpty());
    }
}
