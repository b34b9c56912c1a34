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
 */
public record ScatterChartSpec(String title, Axis measuredAxis, Axis predictedAxis,
                               List<Series> series, boolean logLog, double bandPercent)
        implements ChartSpec {

    /** Validates and copies. */
    public ScatterChartSpec {
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
        return new ScatterChartSpec(title, measuredAxis, predictedAxis, series, logLog, bandPercent);
    }

    /** This chart with a ±{@code percent} % error band (0 removes it). */
    public ScatterChartSpec withBandPercent(double percent) {
        return new ScatterChartSpec(title, measuredAxis, predictedAxis, series, logLog, percent);
    }
}
