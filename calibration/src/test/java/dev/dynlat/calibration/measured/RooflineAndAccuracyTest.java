package dev.dynlat.calibration.measured;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.calibration.model.RooflineBaseline;
import dev.dynlat.operators.spec.ActivationFunction;
import dev.dynlat.operators.spec.ActivationSpec;
import dev.dynlat.operators.spec.BinaryOp;
import dev.dynlat.operators.spec.Conv2dSpec;
import dev.dynlat.operators.spec.ElementwiseSpec;
import dev.dynlat.operators.spec.MatmulSpec;
import dev.dynlat.operators.spec.OperatorSpec;
import dev.dynlat.operators.spec.TensorShape;
import dev.dynlat.operators.spec.UnfoldSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The compulsory traffic and roofline of measured operators, and the accuracy figures of the summaries. */
class RooflineAndAccuracyTest {

    private static MeasuredOperator op(OperatorSpec spec, int batch) {
        return new MeasuredOperator("f.csv", 2, "Tesla T4", "x", spec, batch, 1.0, "b0-h0", Map.of());
    }

    @Test
    void compulsoryBytesReadEveryOperandOnceAndWriteTheOutputOnce() {
        // 8 samples of a 16 → 32 channel 3×3 conv on 10×10 (padding 1): maps per sample, weights once.
        Conv2dSpec conv = Conv2dSpec.padded(16, 32, 10, 10, 3, 1, 1, 1);
        assertEquals(4.0 * (8 * (16 * 100 + 32 * 100) + 32 * 16 * 9), CompulsoryTraffic.bytes(op(conv, 8)));
        assertEquals(2.0 * 8 * 32 * 16 * 9 * 100, CompulsoryTraffic.flops(op(conv, 8)));
        assertEquals(4.0 * (6 * 5 + 6 * 7 + 5 * 7), CompulsoryTraffic.bytes(op(new MatmulSpec(6, 5, 7), 1)));
        assertEquals(4.0 * 3 * (6 * 5 + 6 * 7 + 5 * 7), CompulsoryTraffic.bytes(op(new MatmulSpec(3, 6, 5, 7), 1)),
                "three products, three right operands");
        TensorShape s = TensorShape.of(12, 10);
        assertEquals(4.0 * 120 * 3, CompulsoryTraffic.bytes(op(ElementwiseSpec.ofShape(BinaryOp.POW, s), 1)));
        assertEquals(4.0 * 120 * 2, CompulsoryTraffic.bytes(op(ElementwiseSpec.withScalar(BinaryOp.POW, s), 1)),
                "a scalar operand reads no tensor");
        assertEquals(4.0 * 120 * 2, CompulsoryTraffic.bytes(op(new ActivationSpec(ActivationFunction.TANH, s), 1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CompulsoryTraffic.bytes(op(new UnfoldSpec(16, 32), 1)));
        assertTrue(e.getMessage().startsWith("roofline: no compulsory-traffic rule for operator kind"), e.getMessage());
    }

    @Test
    void theRooflineIsTheSlowerOfComputeAndTrafficPlusLaunch() {
        RooflineBaseline r = new RooflineBaseline(1e12, 1e11, 5e-6);
        MeasuredOperator mm = op(new MatmulSpec(1000, 1000, 1000), 1);
        assertEquals(2e9 / 1e12 + 5e-6, CompulsoryTraffic.rooflineS(r, mm), 1e-15);
        MeasuredOperator add = op(ElementwiseSpec.ofShape(BinaryOp.ADD, TensorShape.of(1000, 1000)), 1);
        assertEquals(12e6 / 1e11 + 5e-6, CompulsoryTraffic.rooflineS(r, add), 1e-15);
    }

    @Test
    void accuracyFigures() {
        double[] measured = {1, 1, 1, 1, 1};
        double[] predicted = {0.5, 0.9, 1.0, 1.15, 2.0};
        Accuracy a = Accuracy.of(predicted, measured);
        assertEquals(5, a.rows());
        assertEquals(15, a.mdapePct(), 1e-9);
        assertEquals(60, a.within20Pct(), 1e-9);
        assertEquals(0.5 + 0.4 * 0.4, a.ratioP10(), 1e-12);
        assertEquals(1.15 + 0.6 * 0.85, a.ratioP90(), 1e-12);
        assertEquals(-25, Accuracy.errorPct(0.75, 1.0), 1e-12);
        assertTrue(Double.isNaN(Accuracy.of(new double[0], new double[0]).mdapePct()));
        assertThrows(IllegalArgumentException.class, () -> Accuracy.of(new double[1], new double[2]));
    }
}
