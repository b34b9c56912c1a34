package dev.dynlat.predictor.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.calibration.kernel.Conv2dKernel;
import dev.dynlat.calibration.kernel.FullyConnectedKernel;
import dev.dynlat.calibration.kernel.KernelSpec;
import dev.dynlat.calibration.network.NetworkProgram;
import dev.dynlat.calibration.network.ProgramStep;
import dev.dynlat.calibration.network.StepKind;
import dev.dynlat.calibration.suite.CalibrationSuite;
import dev.dynlat.calibration.suite.OperatorCase;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The validation sets are what the acceptance asks for (≥ 24 configurations, static and dynamic,
 * batch 1 and 8, executable natively), and the held-out set shares no conv or linear shape with the
 * calibration suite.
 */
class ValidationSetTest {
    private static void assertCovers(List<ValidationCase> cases) {
        assertTrue(cases.size() >= 24, cases.size() + " configurations");
        assertEquals(cases.size(), new HashSet<>(cases).size(), "no duplicates");
        for (int batch : new int[] {1, 8}) {
            final int b = batch;
            assertTrue(cases.stream().anyMatch(c -> c.batch() == b && !c.dynamic()), "static at batch " + b);
            assertTrue(cases.stream().anyMatch(c -> c.batch() == b && c.dynamic()), "dynamic at batch " + b);
        }
        for (ValidationCase c : cases) {
            NetworkValidation.program(c); // every configuration is executable natively
        }
    }

    @Test
    void quickAndFullCoverTheAcceptance() {
        assertCovers(ValidationSet.quick());
        assertCovers(ValidationSet.full());
        assertTrue(ValidationSet.models().contains("mobilenetv3-large-1.0"));
    }

    @Test
    void heldOutSetsCoverTheAcceptance() {
        assertEquals(40, ValidationSet.heldOut().size());
        assertEquals(30, ValidationSet.heldOutQuick().size());
        assertCovers(ValidationSet.heldOut());
        assertCovers(ValidationSet.heldOutQuick());
        assertTrue(ValidationSet.heldOut().containsAll(ValidationSet.heldOutQuick()));
    }

    /**
     * No conv of a held-out network is a suite kernel. A few linear layers are (ResNet-50's
     * 2048→1000 classifier at batch 1, small gates): they are held to under 1% of the network's MACs.
     */
    @Test
    void noHeldOutConvShapeIsInTheSuite() {
        Set<KernelSpec> fitted = CalibrationSuite.full().operators().stream().map(OperatorCase::kernel)
                .collect(Collectors.toSet());
        int checked = 0;
        for (ValidationCase c : ValidationSet.heldOut()) {
            NetworkProgram p = NetworkValidation.program(c);
            double macs = 0;
            double fittedMacs = 0;
            for (ProgramStep s : p.steps()) {
                macs += s.macs();
                KernelSpec k = kernelOf(s);
                if (k != null && fitted.contains(k)) {
                    assertEquals(StepKind.FC, s.kind(), c.key() + ": " + s.group() + " " + k + " is in the suite");
                    fittedMacs += s.macs();
                }
                checked += k != null ? 1 : 0;
            }
            assertTrue(fittedMacs < 0.01 * macs, c.key() + ": suite-shaped linear layers are "
                    + 100 * fittedMacs / macs + "% of the MACs");
        }
        assertTrue(checked > 1000, checked + " steps checked");
    }

    /** The suite kernel a dense conv or linear step would be, null for other steps. */
    private static KernelSpec kernelOf(ProgramStep s) {
        int[] d = s.dims();
        if (s.kind() == StepKind.CONV2D) {
            return new Conv2dKernel(d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8]);
        }
        if (s.kind() == StepKind.FC) {
            return new FullyConnectedKernel(d[0], d[1], d[2]);
        }
        return null;
    }
}
