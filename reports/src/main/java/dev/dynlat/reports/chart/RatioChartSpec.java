package dev.dynlat.reports.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * The error of predictions as a ratio: predicted / measured against measured, both on log axes,
 * with the ±{@code bandPercent} % band as a shaded strip around 1. It shows what a
 * predicted-vs-measured plot over many decades cannot: there a ±10 % band is 0.09 decades wide,
 * under a point's width; here it is as wide as the ratios' own spread allows.
 *
 * @param title        the title, empty for none
 * @param measuredAxis the x axis (measured values)
 * @param ratios       per series, (measured, predicted / measured) points, all positive
 * @param bandPercent  the half-width of the band in percent, in (0, 100)
 * @param legendTitle  what the series are; empty for none
 */
public record RatioChartSpec(String title, Axis measuredAxis, List<Series> ratios, double bandPercent,
                             String legendTitle) implements ChartSpec {

    /** Validates and copies. */
    public RatioChartSpec {
        title = Specs.title(title);
        measuredAxis = Specs.axis(measuredAxis, "measured");
        ratios = Specs.series(ratios, "ratio chart");
        legendTitle = Specs.title(legendTitle);
        if (!(bandPercent > 0 && bandPercent < 100)) {
            throw new IllegalArgumentException("bandPercent must be in (0, 100), got " + bandPercent);
        }
        for (Series s : ratios) {
            for (int i = 0; i < s.size(); i++) {
                if (s.x()[i] <= 0 || s.y()[i] <= 0) {
                    throw new IllegalArgumentException("Series '" + s.name() + "' point " + i
                            + " is not positive; log axes need positive values");
                }
            }
        }
    }

    /**
     * The ratios of a log-log predicted-vs-measured chart with a band, same series and title.
     *
     * @throws IllegalArgumentException if the chart has no band
     */
    public static RatioChartSpec of(ScatterChartSpec scatter) {
        if (scatter.bandPercent() == 0) {
            throw new IllegalArgumentException("A ratio chart needs the scatter chart's error band");
        }
        List<Series> ratios = new ArrayList<>();
        for (Series s : scatter.series()) {
            double[] x = s.x();
            double[] y = s.y();
            double[] r = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                r[i] = y[i] / x[i];
            }
            ratios.add(Series.of(s.name(), x, r));
        }
        return new RatioChartSpec(scatter.title(), scatter.measuredAxis(), ratios, scatter.bandPercent(),
                scatter.legendTitle());
    }
}
