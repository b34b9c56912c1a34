package dev.dynlat.calibration.fit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Deterministic partition of observations into a fit set and a held-out set.
 *
 * <p>Rule: within each group, observations are ranked by a 64-bit FNV-1a hash of the UTF-8 key
 * (ties broken by the key), and the first {@code round(fraction * n)} are held out, clamped to
 * {@code [1, n - 1]} so that every group with &ge; 2 observations is in both sets; a group with a
 * single observation goes to the fit set. Hashing rather than "every k-th after sorting" keeps a
 * configuration's assignment independent of which other configurations were measured, and it does
 * not depend on input order, JVM or run. Both lists are returned sorted by key.
 *
 * @param fitSet          observations the fitter may use
 * @param heldOutSet      observations used only to evaluate; disjoint from {@code fitSet} by key
 * @param heldOutFraction requested held-out fraction per group, in (0, 1)
 * @param <P>             payload type
 */
public record HeldOutSplit<P>(List<Observation<P>> fitSet, List<Observation<P>> heldOutSet, double heldOutFraction) {

    public HeldOutSplit {
        fitSet = List.copyOf(fitSet);
        heldOutSet = List.copyOf(heldOutSet);
    }

    /**
     * Splits {@code observations}.
     *
     * @throws IllegalArgumentException when the fraction is outside (0, 1) or keys repeat (a
     *                                  repeated key could leak a held-out configuration into fitting)
     */
    public static <P> HeldOutSplit<P> of(List<Observation<P>> observations, double heldOutFraction) {
        if (!(heldOutFraction > 0 && heldOutFraction < 1)) {
            throw new IllegalArgumentException("heldOutFraction must be in (0, 1), got " + heldOutFraction);
        }
        Set<String> seen = new HashSet<>();
        Map<String, List<Observation<P>>> byGroup = new TreeMap<>();
        for (Observation<P> o : observations) {
            if (!seen.add(o.key())) {
                throw new IllegalArgumentException("duplicate observation key: " + o.key());
            }
            byGroup.computeIfAbsent(o.group(), g -> new ArrayList<>()).add(o);
        }
        Comparator<Observation<P>> byHash = Comparator
                .<Observation<P>>comparingLong(o -> fnv1a64(o.key()))
                .thenComparing(Observation::key);
        List<Observation<P>> fit = new ArrayList<>();
        List<Observation<P>> held = new ArrayList<>();
        for (List<Observation<P>> group : byGroup.values()) {
            group.sort(byHash);
            int n = group.size();
            int nHeld = n < 2 ? 0 : (int) Math.max(1, Math.min(n - 1, Math.round(heldOutFraction * n)));
            held.addAll(group.subList(0, nHeld));
            fit.addAll(group.subList(nHeld, n));
        }
        fit.sort(Comparator.comparing(Observation::key));
        held.sort(Comparator.comparing(Observation::key));
        return new HeldOutSplit<>(fit, held, heldOutFraction);
    }

    /** 64-bit FNV-1a: tiny, stable across JVMs, and spreads similar keys well. */
    public static long fnv1a64(String key) {
        long h = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
