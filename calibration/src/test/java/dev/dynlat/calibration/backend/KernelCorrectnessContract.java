package dev.dynlat.calibration.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dynlat.calibration.kernel.KernelSpec;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Compares a backend's runOnce output with {@link ReferenceKernels} for every {@link KernelCases} spec. */
abstract class KernelCorrectnessContract {
    static final double TOLERANCE = 1e-4;

    /** The backend under test; implementations skip (assumption) when it is unavailable. */
    abstract Backend backend();

    @TestFactory
    Stream<DynamicTest> matchesReference() {
        Backend backend = backend();
        return KernelCases.all().stream().map(spec -> DynamicTest.dynamicTest(spec.toString(),
                () -> check(backend, spec, 7L)));
    }

    static void check(Backend backend, KernelSpec spec, long seed) {
        float[] expected = ReferenceKernels.compute(spec, seed);
        float[] actual = backend.runOnce(spec, seed);
        assertEquals(expected.length, actual.length, "output length of " + spec);
        boolean anyNonZero = false;
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i];
            double diff = Math.abs(actual[i] - e);
            if (!(diff <= TOLERANCE * Math.max(1.0, Math.abs(e)))) {
                fail(spec + ": element " + i + " expected " + e + " but was " + actual[i]);
            }
            anyNonZero |= e != 0;
        }
        assertTrue(anyNonZero, "reference output is all zero for " + spec + "; the case proves nothing");
    }
}
