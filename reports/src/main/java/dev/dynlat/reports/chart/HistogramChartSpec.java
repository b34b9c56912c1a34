package dev.dynlat.reports.chart;

import java.util.List;

/**
 * The distribution of one or more samples as overlaid histograms with a shared binning, e.g.
 * latency per image over every configuration of a sweep, one sample per paradigm; optional
 * vertical reference lines (the static network).
 *
 * @param title          the title, empty for none
 * @param valueAxis      the axis of the sampled values, e.g. {@code latency per image [ms]}
 * @param samples        the samples as series names with values in {@code y} (x is ignored)
 * @param bins           number of equal-width bins, 1 to 1000
 * @param referenceLines vertical lines at x values, possibly none; the x range includes them
 * @param legendTitle    what the samples are; empty for none
 */
public record HistogramChartSpec(String title, Axis valueAxis, List<Series> samples, int bins,
                                 List<ReferenceLine> referenceLines, String legendTitle) implements ChartSpec {

    /** Validates and copies. */
    public HistogramChartSpec {
        title = Specs.title(title);
        valueAxis = Specs.axis(valueAxis, "value");
        samples = Specs.series(samples, "histogram");
        for (Series s : samples) {
            if (s.size() == 0) {
                throw new IllegalArgumentException("Histogram sample '" + s.name() + "' is empty");
            }
        }
        if (bins < 1 || bins > 1000) {
            throw new IllegalArgumentException("Histogram bins must be 1 to 1000, got " + bins);
        }
        referenceLines = referenceLines == null ? List.of() : List.copyOf(referenceLines);
        legendTitle = Specs.title(legendTitle);
    }

    /** One sample from values. */
    public static Series sample(String name, double[] values) {
        return Series.of(name, new double[values.length], values);
    }
}
