package dev.dynlat.calibration.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.calibration.fit.SyntheticRoofline.Work;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LogErrorFitterTest {

    private final HeldOutSplit<Work> split = HeldOutSplit.of(SyntheticRoofline.observations(42, 40, 0.03), 0.25);

    @Test
    void recoversKnownParametersFromNoisyData() {
        FitResult r = new LogErrorFitter().fit(new SyntheticRoofline(), split);

        assertEquals(FitStatus.CONVERGED, r.status(), r.reason());
        assertTrue(r.converged());
        assertEquals(SyntheticRoofline.TRUE_OVERHEAD_S, r.param("overheadS"), 0.05 * SyntheticRoofline.TRUE_OVERHEAD_S);
        assertEquals(SyntheticRoofline.TRUE_PEAK_FLOPS, r.param("peakFlops"), 0.05 * SyntheticRoofline.TRUE_PEAK_FLOPS);
        assertEquals(SyntheticRoofline.TRUE_BANDWIDTH_BPS, r.param("bandwidthBps"),
                0.05 * SyntheticRoofline.TRUE_BANDWIDTH_BPS);
        assertEquals(List.of("overheadS", "peakFlops", "bandwidthBps"), List.copyOf(r.fittedParams().keySet()));
        assertTrue(r.iterations() > 0 && r.evaluations() > 0);
    }

    @Test
    void heldOutErrorDropsAndHeldOutIsNotUsedForFitting() {
        FitResult r = new LogErrorFitter().fit(new SyntheticRoofline(), split);

        ErrorStats before = r.heldOutBefore().overall();
        ErrorStats after = r.heldOutAfter().overall();
        assertEquals(split.heldOutSet().size(), after.count());
        assertTrue(after.medianApePct() < before.medianApePct(), before + " -> " + after);
        assertTrue(after.medianApePct() < 5.0, after.toString());
        assertEquals(Set.of("conv", "gather", "tiny"), r.heldOutAfter().byGroup().keySet());
        r.heldOutAfter().byGroup().values().forEach(s -> assertTrue(s.medianApePct() < 6.0, s.toString()));

        // Corrupting the held-out measurements must not change the fitted parameters.
        List<Observation<Work>> corrupted = new ArrayList<>();
        for (Observation<Work> o : split.heldOutSet()) {
            corrupted.add(new Observation<>(o.key(), o.group(), o.payload(), o.measuredS() * 100, o.spread()));
        }
        FitResult r2 = new LogErrorFitter().fit(new SyntheticRoofline(), split.fitSet(), corrupted);
        assertEquals(r.fittedParams(), r2.fittedParams());
    }

    @Test
    void boundsAreRespectedWhenTheTruthLiesOutside() {
        double peakUpper = 5e12; // true peak is 1.5e13
        SyntheticRoofline model = new SyntheticRoofline(peakUpper);
        FitResult r = new LogErrorFitter().fit(model, split);

        assertNotEquals(FitStatus.FAILED, r.status(), r.reason());
        for (ParameterSpec s : model.parameters()) {
            double v = r.param(s.name());
            assertTrue(v >= s.lower() && v <= s.upper(), s.name() + "=" + v);
        }
        assertEquals(peakUpper, r.param("peakFlops"), 0.02 * peakUpper, "pressed against its bound");
    }

    @Test
    void wrongModelShapeReportsPoorFitInsteadOfThrowing() {
        // Data: t = c * n^2 over three decades; model: t = a + b * n.
        List<Observation<Double>> obs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            double n = Math.pow(10, 1 + 3.0 * i / 29);
            obs.add(new Observation<>("n" + i, "quad", n, 1e-9 * n * n, 0.01));
        }
        ParametricModel<Double> linear = new ParametricModel<>() {
            @Override
            public List<ParameterSpec> parameters() {
                return List.of(ParameterSpec.positive("a", "s", 1e-6), ParameterSpec.positive("b", "s", 1e-7));
            }

            @Override
            public double predictSeconds(double[] p, Double n) {
                return p[0] + p[1] * n;
            }
        };
        HeldOutSplit<Double> s = HeldOutSplit.of(obs, 0.2);
        FitResult r = new LogErrorFitter().fit(linear, s);

        assertTrue(r.status() == FitStatus.POOR_FIT || r.status() == FitStatus.NOT_CONVERGED, r.reason());
        assertFalse(r.usable());
        assertTrue(r.heldOutAfter().overall().medianApePct() > 25.0, r.heldOutAfter().toString());
        assertFalse(r.reason().isBlank());
    }

    @Test
    void evaluationLimitGivesNotConvergedWithBestParameters() {
        FitResult r = new LogErrorFitter(new FitOptions(3, 500, 1e-5, 25.0)).fit(new SyntheticRoofline(), split);

        assertEquals(FitStatus.NOT_CONVERGED, r.status(), r.reason());
        assertFalse(r.converged());
        assertTrue(r.reason().contains("optimizer stopped"), r.reason());
        assertTrue(r.fitAfter().overall().medianApePct() <= r.fitBefore().overall().medianApePct());
        assertEquals(r.heldOutBefore().overall().count(), r.heldOutAfter().overall().count());
    }

    @Test
    void modelThatThrowsOrPredictsGarbageGivesFailedResult() {
        ParametricModel<Work> throwing = model((p, w) -> {
            if (p[0] != 1e-5) {
                throw new IllegalStateException("unsupported tile");
            }
            return 1e-3;
        });
        FitResult thrown = new LogErrorFitter().fit(throwing, split);
        assertEquals(FitStatus.FAILED, thrown.status());
        assertTrue(thrown.reason().contains("unsupported tile"), thrown.reason());
        assertEquals(Map.of("x", 1e-5), thrown.fittedParams());

        FitResult nan = new LogErrorFitter().fit(model((p, w) -> Double.NaN), split);
        assertEquals(FitStatus.FAILED, nan.status());
        assertTrue(nan.reason().contains("NaN"), nan.reason());
    }

    @Test
    void tooFewObservationsGiveFailedResult() {
        List<Observation<Work>> two = split.fitSet().subList(0, 2);
        FitResult r = new LogErrorFitter().fit(new SyntheticRoofline(), two, List.of());
        assertEquals(FitStatus.FAILED, r.status());
        assertTrue(r.reason().contains("at least 3"), r.reason());
        assertEquals(0, r.heldOutAfter().overall().count());
    }

    @Test
    void overlappingSetsAreAContractViolation() {
        List<Observation<Work>> held = List.of(split.fitSet().get(0));
        assertThrows(IllegalArgumentException.class,
                () -> new LogErrorFitter().fit(new SyntheticRoofline(), split.fitSet(), held));
    }

    private interface Predictor {
        double predict(double[] p, Work w);
    }

    private static ParametricModel<Work> model(Predictor f) {
        return new ParametricModel<>() {
            @Override
            public List<ParameterSpec> parameters() {
                return List.of(ParameterSpec.positive("x", "s", 1e-5));
            }

            @Override
            public double predictSeconds(double[] p, Work w) {
                return f.predict(p, w);
            }
        };
    }
}
