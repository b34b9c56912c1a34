package dev.dynlat.reports.chart;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Small multiples: line charts side by side that share one y axis (so their heights compare),
 * e.g. latency relative to the static network against activation rate, one panel per device.
 * Each panel's title names it under its x axis; series of the same name look the same in every
 * panel and appear once in the shared legend.
 *
 * @param title       the title, empty for none
 * @param yAxis       the shared y axis
 * @param panels      the panels, at least one, with distinct, non-empty titles; their y axes
 *                    are replaced by the shared one
 * @param legendTitle what the series are; empty for none
 */
public record PanelChartSpec(String title, Axis yAxis, List<LineChartSpec> panels, String legendTitle)
        implements ChartSpec {

    /** Validates and copies. */
    public PanelChartSpec {
        title = Specs.title(title);
        yAxis = Specs.axis(yAxis, "y");
        legendTitle = Specs.title(legendTitle);
        if (panels == null || panels.isEmpty()) {
            throw new IllegalArgumentException("A panel chart needs at least one panel");
        }
        panels = List.copyOf(panels);
        Set<String> names = new HashSet<>();
        for (LineChartSpec p : panels) {
            if (p.title().isEmpty() || !names.add(p.title())) {
                throw new IllegalArgumentException("Panel titles must be distinct and not empty, got '"
                        + p.title() + "'");
            }
        }
    }
}
