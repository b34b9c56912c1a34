package dev.dynlat.calibration.measured;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.operators.gpu.GpuDatasheet;
import dev.dynlat.operators.gpu.GpuLibraryCosts;
import dev.dynlat.operators.gpu.GpuLibraryModel;
import dev.dynlat.operators.profile.GpuLibraryCoefficients;
import dev.dynlat.operators.profile.KernelFamily;
import dev.dynlat.operators.spec.BinaryOp;
import dev.dynlat.operators.spec.ElementwiseSpec;
import dev.dynlat.operators.spec.LinearSpec;
import dev.dynlat.operators.spec.MatmulSpec;
import dev.dynlat.operators.spec.OperatorSpec;
import dev.dynlat.operators.spec.SoftmaxSpec;
import dev.dynlat.operators.spec.TensorShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fitting code against latencies the model itself generates from known terms (a simulated
 * source, for the fitting code only): the fit must find terms that reproduce them, stage by stage,
 * and a prior must hold the terms of classes the rows lack.
 */
class GpuLibraryFitTest {
    private static final GpuDatasheet T4 = new GpuDatasheet(40, 64, 1590e6, 320e9, 4.0 * (1 << 20));

    private static GpuLibraryCoefficients truth() {
        GpuLibraryParameters p = new GpuLibraryParameters(KernelFamily.VOLTA,
                java.util.Set.of("elementwise", "softmax", "fc", "matmul"));
        Map<String, Double> v = new java.util.HashMap<>();
        p.terms().forEach(t -> v.put(t.spec().name(), t.spec().initial()));
        v.put(GpuLibraryParameters.DRAM, 0.72);
        v.put(GpuLibraryParameters.GAP, 6.0);
        v.put(GpuLibraryParameters.LIBRARY_GAP, 25.0);
        v.put(GpuLibraryParameters.FLOOR + "elementwise", 24.0);
        v.put(GpuLibraryParameters.FLOOR + "softmax", 31.0);
        v.put(GpuLibraryParameters.FLOOR + "fc", 55.0);
        v.put(GpuLibraryParameters.FLOOR + "matmul", 40.0);
        v.put(GpuLibraryParameters.STREAM + "softmax", 0.55);
        v.put(GpuLibraryParameters.GEMM + "128x64", 0.82);
        v.put(GpuLibraryParameters.GEMM + "64x64", 0.66);
        return p.coefficients(v, "truth");
    }

    private static List<MeasuredOperator> rows(GpuLibraryCoefficients truth, int n, long seed) {
        String source = "synthetic-" + seed;
        GpuLibraryCosts costs = new GpuLibraryCosts(new GpuLibraryModel(T4, truth));
        Random r = new Random(seed);
        List<MeasuredOperator> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            OperatorSpec spec;
            String op;
            int batch = 1;
            switch (i % 4) {
                case 0 -> {
                    spec = new ElementwiseSpec(BinaryOp.ADD, 1, 1 + r.nextInt(8000), 1 + r.nextInt(4000));
                    op = "add";
                }
                case 1 -> {
                    spec = new SoftmaxSpec(TensorShape.of(1 + r.nextInt(8000), 1 + r.nextInt(4000)));
                    op = "softmax";
                }
                case 2 -> {
                    spec = new LinearSpec(16 + r.nextInt(8000), 16 + r.nextInt(8000));
                    batch = 1 + r.nextInt(4000);
                    op = "linear";
                }
                default -> {
                    spec = new MatmulSpec(1 + r.nextInt(512), 16 + r.nextInt(1000), 16 + r.nextInt(1000),
                            16 + r.nextInt(1000));
                    op = "bmm";
                }
            }
            double ms = costs.cost(spec, batch).orElseThrow().latencyS() * 1e3;
            out.add(new MeasuredOperator(source, i + 1, "Tesla T4", op, spec, batch, ms, "", Map.of()));
        }
        return out;
    }

    @Test
    void theFitReproducesLatenciesGeneratedFromKnownTerms() {
        GpuLibraryCoefficients truth = truth();
        List<MeasuredOperator> fit = rows(truth, 800, 1);
        List<MeasuredOperator> held = rows(truth, 200, 2);
        GpuLibraryFit.Outcome o = GpuLibraryFit.fit(T4, KernelFamily.VOLTA, fit, held, "test");
        GpuLibraryCosts fitted = new GpuLibraryCosts(new GpuLibraryModel(T4, o.coefficients()));
        List<Double> errors = new ArrayList<>();
        for (MeasuredOperator m : held) {
            errors.add(Math.abs(GpuLibraryFit.predictS(fitted, m) * 1e3 / m.latencyMs() - 1));
        }
        errors.sort(null);
        assertTrue(errors.get(errors.size() / 2) < 0.02, "held-out median error " + errors.get(errors.size() / 2));
        assertEquals(0.72, o.coefficients().dramEfficiency(), 0.05);
        assertEquals(24.0, o.coefficients().hostFloorUs().get("elementwise"), 2.0);
    }

    @Test
    void aPriorHoldsTheTermsOfClassesTheRowsLack() {
        GpuLibraryCoefficients truth = truth();
        List<MeasuredOperator> onlyAdds = rows(truth, 400, 3).stream().filter(m -> m.opName().equals("add")).toList();
        GpuLibraryFit.Outcome o = GpuLibraryFit.fit(T4, KernelFamily.VOLTA, onlyAdds, List.of(), "test",
                Optional.of(truth), GpuLibraryFit.Thinning.DEFAULT);
        // The DRAM efficiency describes GEMMs too, which these rows lack: held at the prior's value.
        assertEquals(truth.dramEfficiency(), o.coefficients().dramEfficiency(), 1e-12);
        assertEquals(truth.gemmEfficiency(), o.coefficients().gemmEfficiency());
        assertEquals(truth.hostFloorUs().get("fc"), o.coefficients().hostFloorUs().get("fc"), 1e-12);
        assertEquals(24.0, o.coefficients().hostFloorUs().get("elementwise"), 1.0);
    }

    @Test
    void aTransferKeepsTheFractionsAndSaysWhereTheyCameFrom() {
        GpuLibraryCoefficients t = GpuLibraryTransfer.transfer(truth(), "Tesla T4", KernelFamily.AMPERE);
        assertEquals(KernelFamily.AMPERE, t.family());
        assertEquals(0.82, t.gemmEfficiency().get("128x64"), 1e-12);
        assertEquals(truth().dramEfficiency(), t.dramEfficiency(), 1e-12);
        assertTrue(t.source().contains("Tesla T4"), t.source());
    }
}
