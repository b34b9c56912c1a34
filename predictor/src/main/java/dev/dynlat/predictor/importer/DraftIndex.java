package dev.dynlat.predictor.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The drafts of an imported graph by id, and the drafts that read each tensor: what the block and
 * encoder finders walk to match a chain of operators ending in a residual add.
 */
final class DraftIndex {
    private final Map<String, Draft> byId = new HashMap<>();
    private final Map<String, List<Draft>> readers = new HashMap<>();

    DraftIndex(List<Draft> drafts) {
        for (Draft d : drafts) {
            byId.put(d.id, d);
            for (String in : d.inputs) {
                readers.computeIfAbsent(in, k -> new ArrayList<>()).add(d);
            }
        }
    }

    /** The draft of an id, or null. */
    Draft get(String id) {
        return byId.get(id);
    }

    /** The drafts that read a tensor (empty when none does). */
    List<Draft> readersOf(String tensor) {
        return readers.getOrDefault(tensor, List.of());
    }

    /**
     * {@code drafts} in order with each replaced draft swapped for its replacement and each removed
     * one left out: what a finder returns once it has matched its blocks.
     */
    static List<Draft> rewritten(List<Draft> drafts, Map<Draft, Draft> replacements, Set<Draft> removed) {
        List<Draft> out = new ArrayList<>();
        for (Draft d : drafts) {
            if (replacements.containsKey(d)) {
                out.add(replacements.get(d));
            } else if (!removed.contains(d)) {
                out.add(d);
            }
        }
        return out;
    }
}
