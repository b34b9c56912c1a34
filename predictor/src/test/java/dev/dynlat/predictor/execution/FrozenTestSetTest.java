package dev.dynlat.predictor.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.dynlat.calibration.kernel.KernelSpec;
import dev.dynlat.calibration.suite.CalibrationSuite;
import dev.dynlat.calibration.suite.OperatorCase;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The frozen set is what was committed, and the calibration suite never times any of it. */
class FrozenTestSetTest {
    @Test
    void loadsTheCommittedEntries() {
        assertEquals(35, FrozenTestSet.load().size());
    }

    @Test
    void loadsTheHeldOutEntries() {
        var entries = FrozenTestSet.load(FrozenTestSet.HELD_OUT);
        assertEquals(38, entries.size());
        assertEquals(entries.size(), entries.stream().map(FrozenTestSet.Entry::key).distinct().count(), "distinct");
    }

    @Test
    void noFrozenOperatorIsFitted() {
        Set<KernelSpec> fitted = CalibrationSuite.full().operators().stream().map(OperatorCase::kernel)
                .collect(Collectors.toSet());
        for (String set : new String[] {FrozenTestSet.DEVELOPMENT, FrozenTestSet.HELD_OUT}) {
            for (FrozenTestSet.Entry e : FrozenTestSet.load(set)) {
                assertFalse(fitted.contains(e.kernel()), e.key() + " is in the calibration suite");
            }
        }
    }

    @Test
    void noHeldOutOperatorIsInTheFirstSet() {
        Set<KernelSpec> first = FrozenTestSet.load(FrozenTestSet.DEVELOPMENT).stream()
                .map(FrozenTestSet.Entry::kernel).collect(Collectors.toSet());
        for (FrozenTestSet.Entry e : FrozenTestSet.load(FrozenTestSet.HELD_OUT)) {
            assertFalse(first.contains(e.kernel()), e.key() + " was in the first (seen) set");
        }
    }
}
