package dev.dynlat.operators.model;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A memo of a pure function that holds a bounded number of entries and may be shared between
 * threads, for caches that live as long as the process (a {@code dynlat serve} answers requests
 * with ever new rates, so a cache keyed by a rate would otherwise grow without end).
 *
 * <p>Entries live in two generations: lookups read the young one, then the old one; a new entry
 * goes into the young one, and when that holds {@code generationCapacity} entries it becomes the
 * old one and the old one is dropped. So at most {@code 2 × generationCapacity} entries are held
 * (plus one per thread racing a rotation), recently used keys survive a rotation (a hit in the old
 * generation is copied into the young one), and a lookup is one or two hash-map reads without
 * locks. Racing threads may both compute a missing value; since the function is pure, either
 * result is the same, so a caller can never see a wrong or partial entry.
 */
public final class BoundedMemo<K, V> {
    private final int generationCapacity;
    private volatile ConcurrentHashMap<K, V> young = new ConcurrentHashMap<>();
    private volatile ConcurrentHashMap<K, V> old = new ConcurrentHashMap<>();

    public BoundedMemo(int generationCapacity) {
        if (generationCapacity < 1) {
            throw new IllegalArgumentException("generation capacity must be positive, got " + generationCapacity);
        }
        this.generationCapacity = generationCapacity;
    }

    /** The value of {@code key}, computed by {@code function} (which must not return null) when not held. */
    public V get(K key, Function<? super K, ? extends V> function) {
        ConcurrentHashMap<K, V> y = young;
        V v = y.get(key);
        if (v != null) {
            return v;
        }
        v = old.get(key);
        if (v == null) {
            v = function.apply(key);
            if (v == null) {
                throw new IllegalStateException("memoised function returned null for " + key);
            }
        }
        if (y.size() >= generationCapacity) {
            y = rotate(y);
        }
        y.put(key, v);
        return v;
    }

    /** Entries held now (both generations; a key in both counts twice). */
    public int size() {
        return young.size() + old.size();
    }

    /** The most entries this memo holds, racing threads aside. */
    public int capacity() {
        return 2 * generationCapacity;
    }

    private synchronized ConcurrentHashMap<K, V> rotate(ConcurrentHashMap<K, V> full) {
        if (young == full) {
            old = full;
            young = new ConcurrentHashMap<>();
        }
        return young;
    }
}
