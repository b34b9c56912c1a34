package dev.dynlat.operators.model;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Candidate tile sizes along one dimension of extent {@code n}: powers of two up to {@code 2n}
 * (at most 128), the sizes that split {@code n} into 1..7 near-equal parts, and the small sizes
 * 2..7. Tiles may overhang the extent. This is the reference predictor's search space; it is
 * small (at most ~20 values) so exhaustive search over 3-4 dimensions stays cheap.
 *
 * <p>Order matters only for ties: a search keeps the first of equally fast candidates, and a
 * dynamic operator's schedule chosen at the mean patch count is later evaluated at another count,
 * where tied candidates differ. {@link #of} gives the candidates in ascending order;
 * {@link #insertionOrder} gives them as the reference builds its Python {@code set}, for the
 * laudnet variant to enumerate in CPython's iteration order and break ties as the reference does.
 */
public final class TileSpace {
    private static final int POW2_LIMIT = 8;
    private static final int MAX_PARTS = 8;
    private static final ConcurrentHashMap<Integer, int[]> CACHE = new ConcurrentHashMap<>();

    private TileSpace() {
    }

    /** Candidate sizes for extent {@code n ≥ 1}, ascending, without duplicates. */
    public static int[] of(int n) {
        check(n);
        return CACHE.computeIfAbsent(n, k -> insertionOrder(k).stream().distinct().sorted()
                .mapToInt(Integer::intValue).toArray());
    }

    /**
     * The extent whose candidates a search over {@code n} elements uses: {@code n} itself, or for
     * extents beyond an int (huge batches folded into a dimension) {@code Integer.MAX_VALUE}, whose
     * candidates are all valid, int-sized tiles of the longer extent; tile counts still use
     * {@code n}.
     */
    public static int searchExtent(long n) {
        if (n < 1) {
            throw new IllegalArgumentException("tile extent must be positive, got " + n);
        }
        return (int) Math.min(n, Integer.MAX_VALUE);
    }

    /** The candidates in the order the reference inserts them into its set (with duplicates). */
    public static List<Integer> insertionOrder(int n) {
        check(n);
        List<Integer> insertion = new ArrayList<>();
        for (int k = 0; k < POW2_LIMIT; k++) {
            if ((1L << k) <= 2L * n) {
                insertion.add(1 << k);
            }
        }
        int parts = Math.min(n, MAX_PARTS);
        for (int i = 1; i < parts; i++) {
            insertion.add((int) Efficiency.ceilDiv(n, i));
        }
        for (int v = 2; v < parts; v++) {
            insertion.add(v);
        }
        return insertion;
    }

    private static void check(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("tile extent must be positive, got " + n);
        }
    }
}
