package dev.dynlat.calibration.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HeldOutSplitTest {

    private static List<Observation<String>> observations() {
        List<Observation<String>> out = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            out.add(new Observation<>("conv/" + i, "conv", "p", 1e-3, 0.01));
        }
        for (int i = 0; i < 7; i++) {
            out.add(new Observation<>("gather/" + i, "gather", "p", 1e-3, 0.01));
        }
        out.add(new Observation<>("pair/0", "pair", "p", 1e-3, 0.01));
        out.add(new Observation<>("pair/1", "pair", "p", 1e-3, 0.01));
        out.add(new Observation<>("single/0", "single", "p", 1e-3, 0.01));
        return out;
    }

    @Test
    void isDeterministicAndIndependentOfInputOrder() {
        List<Observation<String>> obs = observations();
        HeldOutSplit<String> a = HeldOutSplit.of(obs, 0.25);
        List<Observation<String>> shuffled = new ArrayList<>(obs);
        Collections.shuffle(shuffled, new Random(7));
        HeldOutSplit<String> b = HeldOutSplit.of(shuffled, 0.25);

        assertEquals(a, b);
        assertEquals(keys(a.heldOutSet()), keys(HeldOutSplit.of(obs, 0.25).heldOutSet()));
    }

    @Test
    void setsAreDisjointAndCoverEverything() {
        List<Observation<String>> obs = observations();
        HeldOutSplit<String> s = HeldOutSplit.of(obs, 0.25);

        Set<String> fit = keys(s.fitSet());
        Set<String> held = keys(s.heldOutSet());
        assertTrue(Collections.disjoint(fit, held));
        Set<String> all = new HashSet<>(fit);
        all.addAll(held);
        assertEquals(keys(obs), all);
        assertEquals(obs.size(), s.fitSet().size() + s.heldOutSet().size());
    }

    @Test
    void everyGroupWithTwoOrMoreIsInBothSetsAndFractionHolds() {
        HeldOutSplit<String> s = HeldOutSplit.of(observations(), 0.25);

        assertEquals(10, count(s.heldOutSet(), "conv"));
        assertEquals(2, count(s.heldOutSet(), "gather")); // round(1.75)
        assertEquals(1, count(s.heldOutSet(), "pair"));
        assertEquals(1, count(s.fitSet(), "pair"));
        assertEquals(0, count(s.heldOutSet(), "single"), "a lone observation is needed for fitting");
        assertEquals(1, count(s.fitSet(), "single"));

        HeldOutSplit<String> most = HeldOutSplit.of(observations(), 0.99);
        assertEquals(1, count(most.fitSet(), "gather"), "held-out count is clamped to n - 1");
    }

    @Test
    void rejectsDuplicateKeysAndBadFractions() {
        List<Observation<String>> dup = new ArrayList<>(observations());
        dup.add(new Observation<>("conv/3", "gather", "p", 2e-3, 0.01));
        assertThrows(IllegalArgumentException.class, () -> HeldOutSplit.of(dup, 0.2));
        assertThrows(IllegalArgumentException.class, () -> HeldOutSplit.of(observations(), 0.0));
        assertThrows(IllegalArgumentException.class, () -> HeldOutSplit.of(observations(), 1.0));
        assertThrows(IllegalArgumentException.class, () -> HeldOutSplit.of(observations(), Double.NaN));
    }

    @Test
    void hashIsStable() {
        // FNV-1a 64 reference values; a change here would silently reshuffle every stored split.
        assertEquals(0xcbf29ce484222325L, HeldOutSplit.fnv1a64(""));
        assertEquals(0xaf63dc4c8601ec8cL, HeldOutSplit.fnv1a64("a"));
    }

    private static Set<String> keys(List<? extends Observation<?>> obs) {
        return obs.stream().map(Observation::key).collect(Collectors.toSet());
    }

    private static long count(List<? extends Observation<?>> obs, String group) {
        return obs.stream().filter(o -> o.group().equals(group)).count();
    }
}
