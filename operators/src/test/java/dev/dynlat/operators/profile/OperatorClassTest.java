package dev.dynlat.operators.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.operators.spec.OperatorSpec;
import dev.dynlat.operators.testing.SpecGenerator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class OperatorClassTest {

    /** Every kind a spec record returns, from many seeded specs of every generator. */
    private static Set<String> generatedKinds(Set<Class<?>> specClasses) {
        Set<String> kinds = new TreeSet<>();
        Random r = new Random(12);
        for (SpecGenerator g : SpecGenerator.values()) {
            for (int i = 0; i < 300; i++) {
                OperatorSpec s = g.random(r);
                kinds.add(s.kind());
                specClasses.add(s.getClass());
            }
        }
        return kinds;
    }

    @Test
    void everyKindOfEverySpecRecordIsAValidClass() {
        Set<Class<?>> classes = new HashSet<>();
        Set<String> kinds = generatedKinds(classes);
        // Conv2dSpec alone returns conv, grouped-conv and depthwise; ScatterSpec scatter and scatter-add.
        assertTrue(kinds.containsAll(List.of("conv", "grouped-conv", "depthwise", "scatter", "scatter-add")), kinds.toString());
        for (String k : kinds) {
            assertTrue(OperatorClass.isKnown(k), "kind '" + k + "' is missing from OperatorClass.OPERATOR_KINDS");
        }
        Class<?>[] permitted = OperatorSpec.class.getPermittedSubclasses();
        if (permitted != null) {
            // Once the spec hierarchy is sealed, the generators must cover every record.
            for (Class<?> c : permitted) {
                assertTrue(classes.contains(c) || c.isInterface(), "no SpecGenerator for " + c.getSimpleName());
            }
        }
    }

    @Test
    void theCalibrationsExtraClassesAndTheNewKindsAreAccepted() {
        for (String n : List.of("gemm-copies", "max-pool", "concat", "gru", "resize", "crop")) {
            assertEquals(n, new OperatorClass(n).name());
        }
    }

    @Test
    void aMisspeltClassIsRefusedWithTheValidNamesListed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new OperatorClass("grouped_conv"));
        assertTrue(e.getMessage().contains("'grouped_conv'") && e.getMessage().contains("grouped-conv"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CalibratedCoefficients(1, 1, 1, 1,
                Map.of("grouped_conv", 0.5), new CalibratedCoefficients.CalibrationRecord("d", "m", "cpu", 1, 1)));
    }
}
