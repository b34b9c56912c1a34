package dev.dynlat.reports.chart;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Shared validation of chart spec records. */
final class Specs {

    private Specs() {
    }

    static String title(String title) {
        return title == null ? "" : title.strip();
    }

    static Axis axis(Axis axis, String role) {
        if (axis == null) {
            throw new IllegalArgumentException("The " + role + " axis must not be null");
        }
        return axis;
    }

    static List<Series> series(List<Series> series, String chart) {
        if (series == null || series.isEmpty()) {
            throw new IllegalArgumentException("A " + chart + " needs at least one series");
        }
        List<Series> copy = List.copyOf(series);
        Set<String> names = new HashSet<>();
        for (Series s : copy) {
            if (!names.add(s.name())) {
                throw new IllegalArgumentException("Duplicate series name '" + s.name() + "' in " + chart);
            }
        }
        return copy;
    }
}
