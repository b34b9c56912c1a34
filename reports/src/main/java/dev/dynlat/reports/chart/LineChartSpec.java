package dev.dynlat.reports.chart;

import dev.dynlat.reports.table.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A line chart: y against x for one or more series (points joined in the given order), with
 * optional labelled horizontal reference lines, e.g. latency [ms] against activation rate with
 * one series per granularity and a "static" line.
 *
 * @param title          the title, empty for none
 * @param xAxis          the x axis label and unit
 * @param yAxis          the y axis label and unit
 * @param series         the lines, at least one, with distinct names
 * @param referenceLines horizontal lines, possibly none; the y range always includes them
 * @param legendTitle    what the series are, e.g. {@code S per stage}; empty for none
 * @param markersOnly    names of series drawn as markers without joining lines
 * @param envelopes      names of series that bound the others (e.g. the best per stage at each
 *                       rate), drawn apart from every curve: thick, black, long-dashed, no markers
 */
public record LineChartSpec(String title, Axis xAxis, Axis yAxis, List<Series> series,
                            List<ReferenceLine> referenceLines, String legendTitle, Set<String> markersOnly,
                            Set<String> envelopes)
        implements ChartSpec {

    /** Validates and copies. */
    public LineChartSpec {
        title = Specs.title(title);
        xAxis = Specs.axis(xAxis, "x");
        yAxis = Specs.axis(yAxis, "y");
        series = Specs.series(series, "line chart");
        referenceLines = referenceLines == null ? List.of() : List.copyOf(referenceLines);
        legendTitle = Specs.title(legendTitle);
        markersOnly = markersOnly == null ? Set.of() : Set.copyOf(markersOnly);
        envelopes = envelopes == null ? Set.of() : Set.copyOf(envelopes);
        for (String name : envelopes) {
            if (series.stream().noneMatch(s -> s.name().equals(name))) {
                throw new IllegalArgumentException("Envelope names no series of the chart: '" + name + "'");
            }
        }
    }

    /** Without envelopes. */
    public LineChartSpec(String title, Axis xAxis, Axis yAxis, List<Series> series,
                         List<ReferenceLine> referenceLines, String legendTitle, Set<String> markersOnly) {
        this(title, xAxis, yAxis, series, referenceLines, legendTitle, markersOnly, Set.of());
    }

    /** Lines for every series, no legend title. */
    public LineChartSpec(String title, Axis xAxis, Axis yAxis, List<Series> series,
                         List<ReferenceLine> referenceLines) {
        this(title, xAxis, yAxis, series, referenceLines, "", Set.of());
    }

    /** A line chart without reference lines. */
    public static LineChartSpec of(String title, Axis xAxis, Axis yAxis, List<Series> series) {
        return new LineChartSpec(title, xAxis, yAxis, series, List.of());
    }

    /**
     * One series per y column, sharing the x column. Axes are labelled from the columns; with
     * several y columns the y axis takes the first one's unit and the label {@code yLabel}.
     */
    public static LineChartSpec fromColumns(String title, Table table, String xColumn,
                                            List<String> yColumns, String yLabel) {
        if (yColumns.isEmpty()) {
            throw new IllegalArgumentException("A line chart needs at least one y column");
        }
        List<Series> series = new ArrayList<>();
        for (String yColumn : yColumns) {
            series.add(Series.fromColumns(table, xColumn, yColumn));
        }
        Axis yAxis = new Axis(yLabel, table.column(yColumns.get(0)).unit());
        return of(title, Axis.of(table.column(xColumn)), yAxis, series);
    }

    /**
     * One series per distinct value of {@code groupColumn} (long-format results), e.g.
     * latency against activation rate grouped by granularity.
     */
    public static LineChartSpec groupedBy(String title, Table table, String groupColumn,
                                          String xColumn, String yColumn) {
        return of(title, Axis.of(table.column(xColumn)), Axis.of(table.column(yColumn)),
                Series.groupedBy(table, groupColumn, xColumn, yColumn));
    }

    /** This chart with one more reference line. */
    public LineChartSpec withReferenceLine(ReferenceLine line) {
        List<ReferenceLine> lines = new ArrayList<>(referenceLines);
        lines.add(line);
        return new LineChartSpec(title, xAxis, yAxis, series, lines, legendTitle, markersOnly, envelopes);
    }

    /** This chart with a legend title saying what the series are. */
    public LineChartSpec withLegendTitle(String text) {
        return new LineChartSpec(title, xAxis, yAxis, series, referenceLines, text, markersOnly, envelopes);
    }

    /** This chart with the named series drawn as markers only. */
    public LineChartSpec withMarkersOnly(Set<String> names) {
        return new LineChartSpec(title, xAxis, yAxis, series, referenceLines, legendTitle, names, envelopes);
    }

    /** This chart with the named series drawn as envelopes. */
    public LineChartSpec withEnvelopes(Set<String> names) {
        return new LineChartSpec(title, xAxis, yAxis, series, referenceLines, legendTitle, markersOnly, names);
    }

    /** This chart with another title. */
    public LineChartSpec withTitle(String text) {
        return new LineChartSpec(text, xAxis, yAxis, series, referenceLines, legendTitle, markersOnly, envelopes);
    }
}
