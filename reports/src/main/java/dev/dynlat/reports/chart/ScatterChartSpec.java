package dev.dynlat.reports.chart;

import java.util.List;

/**
 * A "predicted vs measured" scatter chart: each series holds (measured, predicted) points as
 * (x, y). The identity line y = x is always drawn; optionally both axes are logarithmic and
 * two lines mark a relative error band of ±{@code bandPercent} %.
 *
 * @param title          the title, empty for none
 * @param measuredAxis   the x axis (measured values), e.g. {@code measured latency [ms]}
 * @param predictedAxis  the y axis (predicted values), in the same unit
 * @param series         the point sets, at least one, with distinct names
 * @param logLog         whether both axes are logarithmic; all values must then be positive
 * @param bandPercent    the half-width of the error band in percent, in (0, 100); 0 for none
 * @param legendTitle    what the series are; empty for none
 * @param spreads        measured run-to-run spread of some series, drawn as horizontal bars
 */
public record ScatterChartSpec(String title, Axis measuredAxis, Axis predictedAxis,
                               List<Series> series, boolean logLog, double bandPercent, String legendTitle,
                               List<Spread> spreads)
        implements ChartSpec {

    /**
     * The measured interval of every point of one series (e.g. the 10th to 90th percentile of
     * repeated runs), in the measured axis' unit.
     *
     * @param series the name of a series of the chart
     * @param low    the interval's low end per point, at most the point's x
     * @param high   the interval's high end per point, at least the point's x
     */
    public record Spread(String series, double[] low, double[] high) {
        public Spread {
            low = low.clone();
            high = high.clone();
        }

        @Override
        public double[] low() {
            return low.clone();
        }

        @Override
        public double[] high() {
            return high.clone();
        }
    }

    /** Square, identity line, optional band; no legend title, no spreads. */
    public ScatterChartSpec(String title, Axis measuredAxis, Axis predictedAxis, List<Series> series, boolean logLog,
                            double bandPercent) {
        this(title, measuredAxis, predictedAxis, series, logLog, bandPercent, "", List.of());
    }

    /** Validates and copies. */
    public ScatterChartSpec {
        legendTitle = Specs.title(legendTitle);
        spreads = spreads == null ? List.of() : List.copyOf(spreads);
        for (Spread sp : spreads) {
            Series s = series == null ? null : series.stream().filter(x -> x.name().equals(sp.series())).findFirst()
                    .orElse(null);
            if (s == null) {
                throw new IllegalArgumentException("Spread names no series of the chart: '" + sp.series() + "'");
            }
            double[] x = s.x();
            if (sp.low().length != x.length || sp.high().length != x.length) {
                throw new IllegalArgumentException("Spread of '" + sp.series() + "' needs one interval per point");
            }
            for (int i = 0; i < x.length; i++) {
                if (!(sp.low()[i] <= x[i] && x[i] <= sp.high()[i])) {
                    throw new IllegalArgumentException("Spread of '" + sp.series() + "' point " + i + " ["
                            + sp.low()[i] + ", " + sp.high()[i] + "] does not contain " + x[i]);
                }
            }
        }
        title = Specs.title(title);
        measuredAxis = Specs.axis(measuredAxis, "measured");
        predictedAxis = Specs.axis(predictedAxis, "predicted");
        series = Specs.series(series, "scatter chart");
        if (!(bandPercent == 0 || (bandPercent > 0 && bandPercent < 100))) {
            throw new IllegalArgumentException("bandPercent must be 0 (no band) or in (0, 100), got "
                    + bandPercent);
        }
        if (logLog) {
            for (Series s : series) {
                double[] x = s.x();
                double[] y = s.y();
                for (int i = 0; i < x.length; i++) {
                    if (x[i] <= 0 || y[i] <= 0) {
                        throw new IllegalArgumentException("Series '" + s.name() + "' point " + i
                                + " (" + x[i] + ", " + y[i] + ") is not positive; log-log axes need positive values");
                    }
                }
            }
        }
    }

    /** Linear axes, no band. */
    public static ScatterChartSpec of(String title, Axis measuredAxis, Axis predictedAxis, List<Series> series) {
        return new ScatterChartSpec(title, measuredAxis, predictedAxis, series, false, 0);
    }

    /** This chart with logarithmic (or linear) axes. */
    public ScatterChartSpec withLogLog(boolean logLog) {
        return new ScatterChartSpec(title, measuredAxis, predictedAxis, series, logLog, bandPercent, legendTitle,
                spreads);
    }

    /** This chart with a legend title. */
    public ScatterChartSpec withLegendTitle(String text) {
        return new ScatterChartSpec(title, measuredAxis, predictedAxis, series, logLog, bandPercent, text, spreads);
    }

    /** This chart with measured spreads. */
    public ScatterChartSpec withSpreads(List<Spread> newSpreads) {
        return new ScatterChartSpec(title, measuredAxis, predictedAxis, series, logLog, bandPercent, legendTitle,
                newSpreads);
    }

    /** This chart with a ±{@code percent} % error band (0 removes it). */
    public ScatterChartSpec withBandPercent(double percent) {
        return new ScatterChartSpec(title, measuredAxis, predictedAxis, series, logLog, percent, legendTitle, spreads);
    }
}
