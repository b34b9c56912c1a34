package dev.dynlat.operators.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedMemoTest {
    private record Key(long tiles, int tileSize, double density) {
    }

    private static double value(Key k) {
        return k.tiles() * 1e6 + k.tileSize() * 1e3 + k.density();
    }

    @Test
    void keysThatDifferInOneFieldGetTheirOwnValues() {
        BoundedMemo<Key, Double> memo = new BoundedMemo<>(4);
        Key a = new Key(4, 64, 0.25);
        assertEquals(value(a), memo.get(a, BoundedMemoTest::value));
        for (Key other : List.of(new Key(5, 64, 0.25), new Key(4, 65, 0.25), new Key(4, 64, 0.26))) {
            assertEquals(value(other), memo.get(other, BoundedMemoTest::value), other.toString());
        }
        assertEquals(value(a), memo.get(a, k -> -1.0), "a held entry is returned, not recomputed");
    }

    @Test
    void holdsAtMostTwoGenerationsAndKeepsRecentlyUsedKeys() {
        BoundedMemo<Integer, Integer> memo = new BoundedMemo<>(100);
        AtomicInteger computed = new AtomicInteger();
        for (int i = 0; i < 10_000; i++) {
            int key = i;
            assertEquals(key * 3, memo.get(key, k -> {
                computed.incrementAndGet();
                return k * 3;
            }));
            // Key 0 is used all along: it must survive every rotation.
            assertEquals(0, memo.get(0, k -> -1));
            assertTrue(memo.size() <= memo.capacity() + 1, "size " + memo.size());
        }
        assertEquals(200, memo.capacity());
        assertEquals(10_000, computed.get(), "every new key computed once, key 0 never again");
        // An evicted key is computed again, with its own value.
        assertEquals(3, memo.get(1, k -> k * 3));
    }

    @Test
    void concurrentLookupsAlwaysSeeTheirKeysValue() throws Exception {
        BoundedMemo<Key, Double> memo = new BoundedMemo<>(64);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int seed = t;
                results.add(pool.submit(() -> {
                    int wrong = 0;
                    for (int i = 0; i < 50_000; i++) {
                        Key k = new Key((i * 7L + seed) % 500, i % 3, (i % 11) / 10.0);
                        if (memo.get(k, BoundedMemoTest::value) != value(k)) {
                            wrong++;
                        }
                    }
                    return wrong;
                }));
            }
            for (Future<Integer> f : results) {
                assertEquals(0, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(memo.size() <= memo.capacity() + 4, "size " + memo.size());
    }

    @Test
    void rejectsANullValueAndABadCapacity() {
        BoundedMemo<Integer, Integer> memo = new BoundedMemo<>(2);
        assertThrows(IllegalStateException.class, () -> memo.get(1, k -> null));
        assertThrows(IllegalArgumentException.class, () -> new BoundedMemo<Integer, Integer>(0));
    }
}
