package dev.dynlat.operators.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TileSpaceTest {

    /**
     * The candidate rule of the reference ({@code pow2_div_tile_search_space}): powers of two
     * {@code 2^k ≤ 2n} for k < 8, {@code ceil(n / i)} for {@code 1 ≤ i < min(n, 8)}, and the small
     * sizes {@code 2 ≤ v < min(n, 8)}. Written independently of {@link TileSpace}.
     */
    private static Set<Integer> expected(int n) {
        Set<Integer> s = new TreeSet<>();
        for (int k = 0; k < 8; k++) {
            if (Math.pow(2, k) <= 2.0 * n) {
                s.add((int) Math.pow(2, k));
            }
        }
        for (int i = 1; i < Math.min(n, 8); i++) {
            s.add((int) Math.ceil((double) n / i));
        }
        for (int v = 2; v < Math.min(n, 8); v++) {
            s.add(v);
        }
        return s;
    }

    private static Set<Integer> asSet(int[] values) {
        return Arrays.stream(values).boxed().collect(Collectors.toCollection(TreeSet::new));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 8, 9, 14, 56, 100, 127, 128, 129, 256, 513, 2048})
    void candidatesAreTheReferenceSetWithoutDuplicates(int n) {
        int[] got = TileSpace.of(n);
        assertEquals(expected(n), asSet(got), "n=" + n);
        assertEquals(got.length, asSet(got).size(), "duplicates for n=" + n + ": " + Arrays.toString(got));
    }

    @Test
    void everyExtentHasTheFullExtentOrALargerPowerOfTwo() {
        for (int n = 1; n <= 600; n++) {
            Set<Integer> s = asSet(TileSpace.of(n));
            final int extent = n;
            assertTrue(s.contains(n) || s.stream().anyMatch(t -> t >= extent) || n > 128,
                    "no tile covers n=" + n + ": " + s);
            assertTrue(s.contains(1), "1 missing for n=" + n);
        }
    }

    @Test
    void candidatesAreAscendingAndTheInsertionOrderHoldsTheSameSet() {
        for (int n = 1; n <= 300; n++) {
            int[] got = TileSpace.of(n);
            for (int i = 1; i < got.length; i++) {
                assertTrue(got[i - 1] < got[i], "not ascending for n=" + n + ": " + Arrays.toString(got));
            }
            assertEquals(asSet(got), new TreeSet<>(TileSpace.insertionOrder(n)), "n=" + n);
        }
    }

    @Test
    void repeatedCallsGiveTheSameOrder() {
        assertArrayEquals(TileSpace.of(56).clone(), TileSpace.of(56));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void rejectsNonPositiveExtents(int n) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TileSpace.of(n));
        assertTrue(e.getMessage().contains(Integer.toString(n)), e.getMessage());
    }
}
