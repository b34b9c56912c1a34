package dev.dynlat.operators.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.spec.OperatorSpec;
import dev.dynlat.operators.testing.Devices;
import dev.dynlat.operators.testing.SpecGenerator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every operator kind of the sealed {@link OperatorSpec} hierarchy has a cost model in the
 * registry on every device and variant of the contract suite (laudnet and calibrated, GPU and
 * CPU), and a generator in the contract suite, so no kind escapes the contract tests.
 */
class RegistryCoverageTest {

    /** The concrete spec types: the leaves of the sealed hierarchy, walked recursively. */
    static List<Class<?>> specTypes() {
        List<Class<?>> out = new ArrayList<>();
        collect(OperatorSpec.class, out);
        return out;
    }

    private static void collect(Class<?> type, List<Class<?>> out) {
        if (type.isSealed()) {
            for (Class<?> sub : type.getPermittedSubclasses()) {
                collect(sub, out);
            }
        } else {
            out.add(type);
        }
    }

    @Test
    void theHierarchyIsSealedAndListsEveryKind() {
        assertTrue(OperatorSpec.class.isSealed());
        // A guard against the walk finding nothing: the hierarchy has at least the 24 kinds of this change.
        assertTrue(specTypes().size() >= 24, "spec types: " + specTypes());
    }

    @Test
    void everyKindHasACostModelOnEveryDeviceAndVariant() {
        Set<String> variantsSeen = new TreeSet<>();
        for (Devices.Named named : Devices.models()) {
            CostModels models = new CostModels(named.model());
            variantsSeen.add(named.model().variant().id() + "-" + named.model().kind());
            Set<String> missing = new TreeSet<>();
            for (Class<?> type : specTypes()) {
                if (!models.specTypes().contains(type)) {
                    missing.add(type.getSimpleName());
                }
            }
            assertEquals(Set.of(), missing, "kinds without a cost model on " + named);
            assertEquals(new HashSet<>(specTypes()), new HashSet<>(models.specTypes()),
                    "the registry costs types outside the hierarchy on " + named);
        }
        assertEquals(Set.of("calibrated-CPU", "calibrated-GPU", "laudnet-CPU", "laudnet-GPU"), variantsSeen);
    }

    @Test
    void everyKindHasAGeneratorInTheContractSuiteAndCostsThere() {
        Set<Class<?>> generated = new HashSet<>();
        for (SpecGenerator g : SpecGenerator.values()) {
            Random r = new Random(g.ordinal());
            for (int i = 0; i < 4; i++) {
                generated.add(g.random(r).getClass());
            }
        }
        Set<String> missing = new TreeSet<>();
        for (Class<?> type : specTypes()) {
            if (!generated.contains(type)) {
                missing.add(type.getSimpleName());
            }
        }
        assertEquals(Set.of(), missing, "kinds without a generator in SpecGenerator");
        for (Devices.Named named : Devices.models()) {
            CostModels models = new CostModels(named.model());
            for (SpecGenerator g : SpecGenerator.values()) {
                OperatorCost c = models.cost(g.random(new Random(3)));
                assertTrue(Double.isFinite(c.latencyS()) && c.latencyS() >= 0, g + " on " + named + ": " + c);
            }
        }
    }
}
