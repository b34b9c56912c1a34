package dev.dynlat.calibration.fit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link ErrorStats} over all predictions and per group (e.g. operator class).
 *
 * @param overall all predictions together
 * @param byGroup per group label, sorted by label
 */
public record GroupedErrorStats(ErrorStats overall, Map<String, ErrorStats> byGroup) {

    public GroupedErrorStats {
        byGroup = Collections.unmodifiableMap(new TreeMap<>(byGroup));
    }

    /** Computes overall and per-group statistics of {@code predictions}. */
    public static GroupedErrorStats of(List<Prediction> predictions) {
        Map<String, List<Prediction>> groups = new TreeMap<>();
        for (Prediction p : predictions) {
            groups.computeIfAbsent(p.group(), g -> new ArrayList<>()).add(p);
        }
        Map<String, ErrorStats> stats = new TreeMap<>();
        groups.forEach((g, ps) -> stats.put(g, ErrorStats.of(ps)));
        return new GroupedErrorStats(ErrorStats.of(predictions), stats);
    }
}
