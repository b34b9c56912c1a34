package dev.dynlat.predictor.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The validation sets are what the acceptance asks for: ≥ 24 configurations, static and dynamic, batch 1 and 8. */
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
}
