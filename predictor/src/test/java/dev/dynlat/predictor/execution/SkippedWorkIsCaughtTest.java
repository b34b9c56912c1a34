package dev.dynlat.predictor.execution;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dynlat.calibration.network.NativeNetwork;
import dev.dynlat.calibration.network.OutputCheck;
import dev.dynlat.predictor.dynamic.Paradigm;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A kernel that skips work must fail the check {@code dynlat validate} runs before timing. The
 * native GEMM is made to skip every second thread tile when it has more than 8 (a fault only this
 * test hook enables); the check of a configuration at the size it is timed must then fail, and pass
 * again with correct kernels.
 */
class SkippedWorkIsCaughtTest {
    @BeforeAll
    static void nativeAvailable() {
        assumeTrue(NativeNetwork.unavailableReason() == null, "native cpu library not built");
    }

    @AfterEach
    void restoreKernels() {
        NativeNetwork.injectFault(0);
    }

    private static NetworkValidation validation() {
        return new NetworkValidation(null, null, dev.dynlat.calibration.protocol.ProtocolSettings.quick(), 1,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @Test
    void halfTheGemmTilesSkippedFailsTheCheckAtTheTimedSize() {
        // regnety-800mf at its own 224x224 input, batch 1: exactly what validate times
        ValidationCase c = new ValidationCase("regnety-800mf", Paradigm.STATIC, new int[] {1, 1, 1, 1}, 1, 1);
        NativeNetwork.injectFault(1);
        OutputCheck faulty = validation().check(c);
        assertFalse(faulty.passed(), "a GEMM skipping half its tiles must fail: " + faulty.describe());
        NativeNetwork.injectFault(0);
        OutputCheck good = validation().check(c);
        assertTrue(good.passed(), good.describe());
    }

    @Test
    void skippedTilesInADynamicBatchEightNetworkAreCaught() {
        ValidationCase c = new ValidationCase("regnety-800mf", Paradigm.SPATIAL, ValidationSet.S4421, 0.5, 8);
        NativeNetwork.injectFault(1);
        assertFalse(validation().check(c).passed());
    }
}
