package dev.dynlat.reports.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Line2D;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.statistics.HistogramType;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Builds paper-style JFreeChart charts from chart specs. Only layout and look are decided
 * here; the data comes unchanged from the spec. The returned chart may be tweaked further
 * before it is written with {@link ChartFiles}.
 */
public final class PaperCharts {
    /** Room above the data for reference-line labels, as a fraction of the value range. */
    private static final double LABEL_HEADROOM = 0.14;
    private static final Color MISSING_CELL = new Color(0xE4E4E4);
    /** The most values a step chart draws stems for; more are shown by the cumulative line only. */
    static final int MAX_STEMS = 40;
    /** The largest factor a ratio chart's axis shows either way before it leaves points out. */
    static final double RATIO_CLIP = 10;

    private PaperCharts() {
    }

    /** Builds the chart for any spec in the {@link FigureStyle#DEFAULT} style. */
    public static JFreeChart create(ChartSpec spec) {
        return create(spec, FigureStyle.DEFAULT);
    }

    /** Builds the chart for any spec, laid out for the style's size and set in its typeface. */
    public static JFreeChart create(ChartSpec spec, FigureStyle style) {
        JFreeChart chart = build(spec, style);
        PaperStyle.compactLegend(chart, style.size());
        return FigureFinish.apply(chart, style);
    }

    private static JFreeChart build(ChartSpec spec, FigureStyle style) {
        if (spec instanceof LineChartSpec line) {
            return lineChart(line, style);
        }
        if (spec instanceof ScatterChartSpec scatter) {
            return scatterChart(scatter);
        }
        if (spec instanceof StackedBarChartSpec bars) {
            return stackedBarChart(bars);
        }
        if (spec instanceof HeatmapChartSpec heat) {
            return heatmap(heat);
        }
        if (spec instanceof StepChartSpec step) {
            return stepChart(step, style);
        }
        if (spec instanceof PanelChartSpec panels) {
            return panelChart(panels, style);
        }
        if (spec instanceof RatioChartSpec ratio) {
            return ratioChart(ratio, style);
        }
        return histogram((HistogramChartSpec) spec);
    }

    /**
     * Lines with markers, one style per series, plus labelled horizontal reference lines. The y
     * range always includes every reference line, with headroom so its label is never clipped.
     */
    public static JFreeChart lineChart(LineChartSpec spec) {
        return lineChart(spec, FigureStyle.DEFAULT);
    }

    /**
     * A line chart for a given figure size: hollow markers, so markers of curves that coincide
     * all stay visible; envelopes (e.g. the best per stage) as a thick black long dash without
     * markers, drawn first, beneath the curves it bounds; a legend that takes at most
     * {@link PaperStyle#MAX_LEGEND_SHARE} of the height (else it moves to the right).
     */
    public static JFreeChart lineChart(LineChartSpec spec, FigureStyle style) {
        JFreeChart chart = PaperStyle.chart(spec.title(), linePlot(spec), true);
        PaperStyle.titleLegend(chart, spec.legendTitle());
        PaperStyle.compactLegend(chart, style.size());
        return chart;
    }

    /** The plot of a line chart, shared by single charts and panels. */
    static XYPlot linePlot(LineChartSpec spec) {
        XYSeriesCollection dataset = dataset(spec.series());
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        styleSeries(renderer, spec.series().size(), true);
        int curve = 0;
        for (int i = 0; i < spec.series().size(); i++) {
            String name = spec.series().get(i).name();
            if (spec.markersOnly().contains(name)) {
                renderer.setSeriesLinesVisible(i, false);
            }
            if (spec.envelopes().contains(name)) {
                renderer.setSeriesPaint(i, PaperStyle.ENVELOPE);
                renderer.setSeriesStroke(i, PaperStyle.envelopeStroke());
                renderer.setSeriesShapesVisible(i, false);
            } else {
                // Curves keep their palette slot counted over curves only, so the envelope takes none.
                renderer.setSeriesPaint(i, PaperStyle.paint(curve));
                renderer.setSeriesShape(i, PaperStyle.marker(curve));
                renderer.setSeriesStroke(i, PaperStyle.lineStroke(curve));
                curve++;
            }
        }
        // Hollow markers: where curves coincide, each marker's outline still shows.
        renderer.setDefaultShapesFilled(false);
        for (int i = 0; i < spec.series().size(); i++) {
            renderer.setSeriesShapesFilled(i, spec.markersOnly().contains(spec.series().get(i).name()));
        }
        double[] yRange = yRange(spec.series());
        double minY = yRange[0];
        double maxY = yRange[1];
        // Zero anchors latencies and speedups, but would flatten data far from it (accuracy 74-78 %).
        boolean zero = minY <= 0 || minY <= 0.4 * maxY;
        NumberAxis yAxis = PaperStyle.numberAxis(spec.yAxis(), zero);
        XYPlot plot = new XYPlot(dataset, PaperStyle.numberAxis(spec.xAxis(), false), yAxis, renderer);
        styleGrid(plot);
        double lo = zero ? Math.min(0, minY) : minY;
        double hi = maxY;
        for (ReferenceLine line : spec.referenceLines()) {
            plot.addRangeMarker(referenceMarker(line, false), Layer.BACKGROUND);
            lo = Math.min(lo, line.value());
            hi = Math.max(hi, line.value());
        }
        if (!spec.referenceLines().isEmpty() && hi > lo) {
            yAxis.setAutoRange(false);
            yAxis.setRange(lo, hi + (hi - lo) * LABEL_HEADROOM);
        }
        // The envelope is drawn first (beneath): with FORWARD order later series paint on top.
        plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);
        return plot;
    }

    /**
     * Predicted against measured: markers (with the measured spread as horizontal bars where
     * given) over the identity line and the optional error band, on a square plot with the same
     * range on both axes, so y = x runs at 45 degrees. Log axes span whole decades.
     */
    public static JFreeChart scatterChart(ScatterChartSpec spec) {
        XYIntervalSeriesCollection points = new XYIntervalSeriesCollection();
        for (Series s : spec.series()) {
            XYIntervalSeries xy = new XYIntervalSeries(s.name(), false, true);
            double[] x = s.x();
            double[] y = s.y();
            ScatterChartSpec.Spread spread = spec.spreads().stream().filter(sp -> sp.series().equals(s.name()))
                    .findFirst().orElse(null);
            for (int i = 0; i < x.length; i++) {
                double lo = spread == null ? x[i] : spread.low()[i];
                double hi = spread == null ? x[i] : spread.high()[i];
                xy.add(x[i], lo, hi, y[i], y[i], y[i]);
            }
            points.addSeries(xy);
        }
        XYErrorRenderer pointRenderer = new XYErrorRenderer();
        pointRenderer.setDefaultLinesVisible(false);
        pointRenderer.setDrawYError(false);
        pointRenderer.setDrawXError(true);
        pointRenderer.setErrorStroke(PaperStyle.guideStroke(false));
        pointRenderer.setCapLength(3);
        styleSeries(pointRenderer, spec.series().size(), false);
        // Small, hollow and translucent: dense clouds of points stay readable where they overlap.
        for (int i = 0; i < spec.series().size(); i++) {
            pointRenderer.setSeriesPaint(i, PaperStyle.translucent(PaperStyle.paint(i), PaperStyle.POINT_ALPHA));
            pointRenderer.setSeriesShape(i, PaperStyle.smallMarker(i));
            pointRenderer.setSeriesShapesFilled(i, false);
        }

        double[] range = dataRange(spec.series(), spec.spreads());
        if (spec.logLog()) {
            double lo = Math.pow(10, Math.floor(Math.log10(range[0])));
            double hi = Math.pow(10, Math.ceil(Math.log10(range[1])));
            // A hair beyond the end decades, so their ticks (and labels) are drawn too.
            range = new double[] {lo / 1.001, (hi == lo ? hi * 10 : hi) * 1.001};
        } else {
            double pad = (range[1] - range[0]) * 0.05;
            range = new double[] {Math.max(0, range[0] - pad), range[1] + pad};
        }
        ValueAxis xAxis = spec.logLog() ? PaperStyle.logAxis(spec.measuredAxis())
                : PaperStyle.numberAxis(spec.measuredAxis(), false);
        ValueAxis yAxis = spec.logLog() ? PaperStyle.logAxis(spec.predictedAxis())
                : PaperStyle.numberAxis(spec.predictedAxis(), false);
        for (ValueAxis a : new ValueAxis[] {xAxis, yAxis}) {
            a.setAutoRange(false);
            a.setRange(range[0], range[1]);
            if (a instanceof org.jfree.chart.axis.LogAxis log) {
                PaperStyle.decadeTicks(log, range[0], range[1]);
            }
        }
        XYPlot plot = new SquareXYPlot(points, xAxis, yAxis, pointRenderer);
        styleGrid(plot);

        XYSeriesCollection guides = new XYSeriesCollection();
        XYSeries identity = new XYSeries("y = x", false, true);
        identity.add(range[0], range[0]);
        identity.add(range[1], range[1]);
        guides.addSeries(identity);
        XYLineAndShapeRenderer guideRenderer = new XYLineAndShapeRenderer(true, false);
        guideRenderer.setSeriesPaint(0, Color.BLACK);
        guideRenderer.setSeriesStroke(0, PaperStyle.guideStroke(false));
        if (spec.bandPercent() > 0) {
            double factor = spec.bandPercent() / 100.0;
            String label = "\u00B1" + formatPercent(spec.bandPercent()) + "%";
            // Upper: y = (1+f)x, clipped at y = max; lower: y = (1-f)x, starting at y = min.
            XYSeries upper = new XYSeries(label, false, true);
            upper.add(range[0], range[0] * (1 + factor));
            upper.add(range[1] / (1 + factor), range[1]);
            XYSeries lower = new XYSeries(label + " (lower)", false, true);
            lower.add(range[0] / (1 - factor), range[0]);
            lower.add(range[1], range[1] * (1 - factor));
            guides.addSeries(upper);
            guides.addSeries(lower);
            for (int i = 1; i <= 2; i++) {
                guideRenderer.setSeriesPaint(i, PaperStyle.GUIDE);
                guideRenderer.setSeriesStroke(i, PaperStyle.guideStroke(true));
            }
            // One legend entry describes both band lines.
            guideRenderer.setSeriesVisibleInLegend(2, false);
            guideRenderer.addAnnotation(bandArea(range, factor), Layer.BACKGROUND);
        }
        plot.setDataset(1, guides);
        plot.setRenderer(1, guideRenderer);
        JFreeChart chart = PaperStyle.chart(spec.title(), plot, true);
        PaperStyle.titleLegend(chart, spec.legendTitle());
        return chart;
    }

    /**
     * The ±band between its two lines as a shaded polygon: y = (1 ± f) x is straight in log-log
     * space too, so the straight edges between the corners are exact on either scale. Shaded,
     * the band stays visible where its two lines nearly merge over many decades.
     */
    private static org.jfree.chart.annotations.XYPolygonAnnotation bandArea(double[] range, double factor) {
        double lo = range[0];
        double hi = range[1];
        return new org.jfree.chart.annotations.XYPolygonAnnotation(new double[] {
            lo, lo * (1 + factor),
            hi / (1 + factor), hi,
            hi, hi,
            hi, hi * (1 - factor),
            lo / (1 - factor), lo,
            lo, lo,
        }, null, null, PaperStyle.BAND);
    }

    /**
     * Predicted / measured against measured on log axes, hollow translucent markers over a shaded
     * band from 1 - f to 1 + f and a line at 1. The ratio axis spans the data and the band, in
     * whole decades once it covers more than one.
     */
    public static JFreeChart ratioChart(RatioChartSpec spec) {
        return ratioChart(spec, FigureStyle.DEFAULT);
    }

    /**
     * The ratio chart for a figure size. Ratios beyond {@link #RATIO_CLIP} (a factor of ten
     * either way) are left out, and counted in a note in the plot, once the data reach there: a
     * few wild outliers would otherwise stretch the axis until the band is a hairline again.
     */
    public static JFreeChart ratioChart(RatioChartSpec spec, FigureStyle style) {
        double f = spec.bandPercent() / 100.0;
        double lo = 1 - f;
        double hi = 1 + f;
        double xlo = Double.POSITIVE_INFINITY;
        double xhi = 0;
        int above = 0;
        int below = 0;
        List<Series> shown = new java.util.ArrayList<>();
        for (Series s : spec.ratios()) {
            double[] x = s.x();
            double[] y = s.y();
            List<double[]> kept = new java.util.ArrayList<>();
            for (int i = 0; i < x.length; i++) {
                xlo = Math.min(xlo, x[i]);
                xhi = Math.max(xhi, x[i]);
                if (y[i] > RATIO_CLIP) {
                    above++;
                } else if (y[i] < 1 / RATIO_CLIP) {
                    below++;
                } else {
                    kept.add(new double[] {x[i], y[i]});
                    lo = Math.min(lo, y[i]);
                    hi = Math.max(hi, y[i]);
                }
            }
            shown.add(Series.of(s.name(), kept.stream().mapToDouble(p -> p[0]).toArray(),
                    kept.stream().mapToDouble(p -> p[1]).toArray()));
        }
        if (above + below > 0) {
            lo = 1 / RATIO_CLIP;
            hi = RATIO_CLIP;
        } else {
            lo /= 1.05;
            hi *= 1.05;
        }
        xlo = Math.pow(10, Math.floor(Math.log10(xlo)));
        xhi = Math.pow(10, Math.ceil(Math.log10(xhi)));
        if (xhi <= xlo) {
            xhi = xlo * 10;
        }
        org.jfree.chart.axis.LogAxis xAxis = PaperStyle.logAxis(spec.measuredAxis());
        xAxis.setRange(xlo / 1.001, xhi * 1.001);
        PaperStyle.decadeTicks(xAxis, xlo, xhi);
        org.jfree.chart.axis.LogAxis yAxis = PaperStyle.logAxis(new Axis("predicted / measured", ""));
        yAxis.setRange(lo / 1.001, hi * 1.001);
        // Labels at 0.1, 1 and 10 (or just 1 within a decade): the band sits at the middle one.
        yAxis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1), false, false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        for (int i = 0; i < shown.size(); i++) {
            renderer.setSeriesPaint(i, PaperStyle.translucent(PaperStyle.paint(i), PaperStyle.POINT_ALPHA));
            renderer.setSeriesShape(i, PaperStyle.smallMarker(i));
            renderer.setSeriesShapesFilled(i, false);
        }
        XYPlot plot = new XYPlot(dataset(shown), xAxis, yAxis, renderer);
        styleGrid(plot);
        org.jfree.chart.plot.IntervalMarker band = new org.jfree.chart.plot.IntervalMarker(1 - f, 1 + f,
                PaperStyle.BAND);
        band.setLabel("\u00B1" + formatPercent(spec.bandPercent()) + "%");
        band.setLabelFont(PaperStyle.REFERENCE_FONT);
        band.setLabelPaint(Color.BLACK);
        // The default grey label box looks like a UI widget in print.
        band.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        band.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        band.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        band.setLabelOffset(new RectangleInsets(2, 4, 2, 4));
        plot.addRangeMarker(band, Layer.BACKGROUND);
        plot.addRangeMarker(new ValueMarker(1, Color.BLACK, PaperStyle.guideStroke(false)), Layer.BACKGROUND);
        JFreeChart chart = PaperStyle.chart(spec.title(), plot, true);
        // Room for the last x label, centred on the plot's right edge (after chart(), whose
        // stylePlot sets the common insets).
        plot.setInsets(new RectangleInsets(3, 3, 3, 12));
        PaperStyle.titleLegend(chart, spec.legendTitle());
        if (above + below > 0) {
            // Below the plot, not in it, where it would cover points.
            org.jfree.chart.title.TextTitle note = new org.jfree.chart.title.TextTitle(String.format(
                    java.util.Locale.ROOT, "not shown: %d above %s, %d below %s", above, plain(RATIO_CLIP), below,
                    plain(1 / RATIO_CLIP)), PaperStyle.TICK_FONT);
            note.setPaint(PaperStyle.GUIDE);
            note.setPosition(RectangleEdge.BOTTOM);
            chart.addSubtitle(0, note);
        }
        PaperStyle.compactLegend(chart, style.size());
        return chart;
    }

    private static String plain(double v) {
        return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /** Vertical stacked bars with flat fills and thin black outlines. */
    public static JFreeChart stackedBarChart(StackedBarChartSpec spec) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (BarComponent component : spec.components()) {
            double[] values = component.values();
            for (int i = 0; i < values.length; i++) {
                dataset.addValue(values[i], component.name(), spec.categories().get(i));
            }
        }
        StackedBarRenderer renderer = new StackedBarRenderer();
        List<AreaFill> fills = RolePalette.fills(spec.components().stream().map(BarComponent::name).toList());
        renderer.setBarPainter(new HatchedBarPainter(fills.stream().map(AreaFill::hatch).toList()));
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(true);
        renderer.setMaximumBarWidth(0.12);
        for (int i = 0; i < spec.components().size(); i++) {
            renderer.setSeriesPaint(i, fills.get(i).colour());
            renderer.setSeriesOutlinePaint(i, Color.BLACK);
            renderer.setSeriesOutlineStroke(i, PaperStyle.guideStroke(false));
            renderer.setLegendShape(i, HatchedBarPainter.legendKey(fills.get(i).hatch()));
        }
        CategoryAxis categoryAxis = new CategoryAxis(spec.categoryAxis().text());
        PaperStyle.styleAxis(categoryAxis);
        if (spec.categories().size() > 8) {
            categoryAxis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        NumberAxis valueAxis = PaperStyle.numberAxis(spec.valueAxis(), true);
        CategoryPlot plot = new CategoryPlot(dataset, categoryAxis, valueAxis, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinePaint(PaperStyle.GRID);
        plot.setRangeGridlineStroke(PaperStyle.guideStroke(false));
        JFreeChart chart = PaperStyle.chart(spec.title(), plot, true);
        PaperStyle.titleLegend(chart, spec.legendTitle());
        return chart;
    }

    /**
     * Cells coloured on a diverging vermillion-white-blue scale around the neutral value, each
     * labelled with its value (two decimals); a colour bar on the right names the value and unit.
     */
    public static JFreeChart heatmap(HeatmapChartSpec spec) {
        int cols = spec.columns().size();
        int rows = spec.rows().size();
        DefaultXYZDataset data = new DefaultXYZDataset();
        int n = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (!Double.isNaN(spec.value(r, c))) {
                    n++;
                }
            }
        }
        double[][] xyz = new double[3][n];
        int k = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double v = spec.value(r, c);
                if (!Double.isNaN(v)) {
                    xyz[0][k] = c;
                    xyz[1][k] = r;
                    xyz[2][k] = v;
                    k++;
                }
            }
        }
        data.addSeries("values", xyz);
        double[] range = spec.range();
        DivergingScale scale = new DivergingScale(Math.min(range[0], spec.neutral()),
                Math.max(range[1], spec.neutral()), spec.neutral());
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        SymbolAxis xAxis = new SymbolAxis(spec.columnAxis().text(), spec.columns().toArray(new String[0]));
        SymbolAxis yAxis = new SymbolAxis(spec.rowAxis().text(), spec.rows().toArray(new String[0]));
        for (SymbolAxis a : new SymbolAxis[] {xAxis, yAxis}) {
            PaperStyle.styleAxis(a);
            a.setGridBandsVisible(false);
        }
        xAxis.setRange(-0.5, cols - 0.5);
        yAxis.setRange(-0.5, rows - 0.5);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        for (int i = 0; i < n; i++) {
            XYTextAnnotation label = new XYTextAnnotation(String.format(java.util.Locale.ROOT, "%.2f", xyz[2][i]),
                    xyz[0][i], xyz[1][i]);
            label.setFont(PaperStyle.TICK_FONT);
            label.setPaint(scale.needsLightText(xyz[2][i]) ? Color.WHITE : Color.BLACK);
            plot.addAnnotation(label);
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (Double.isNaN(spec.value(r, c))) {
                    XYTextAnnotation none = new XYTextAnnotation("n/a", c, r);
                    none.setFont(PaperStyle.TICK_FONT);
                    none.setPaint(PaperStyle.GUIDE);
                    plot.addAnnotation(none);
                }
            }
        }
        JFreeChart chart = PaperStyle.chart(spec.title(), plot, false);
        // Missing cells show the background: grey, so they never read as the white neutral value.
        plot.setBackgroundPaint(MISSING_CELL);
        NumberAxis scaleAxis = PaperStyle.numberAxis(spec.valueAxis(), false);
        scaleAxis.setRange(scale.getLowerBound(), scale.getUpperBound());
        PaintScaleLegend bar = new PaintScaleLegend(scale, scaleAxis);
        bar.setPosition(RectangleEdge.RIGHT);
        bar.setAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT);
        bar.setStripWidth(8);
        bar.setMargin(new RectangleInsets(4, 4, 4, 2));
        bar.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(bar);
        return chart;
    }

    /** Overlaid, semi-transparent frequency histograms sharing one binning, with vertical guides. */
    public static JFreeChart histogram(HistogramChartSpec spec) {
        double[] range = yRange(spec.samples());
        double lo = range[0];
        double hi = range[1];
        if (!(hi > lo)) {
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.05;
            lo -= pad;
            hi += pad;
        }
        HistogramDataset data = new HistogramDataset();
        data.setType(HistogramType.FREQUENCY);
        for (Series s : spec.samples()) {
            data.addSeries(s.name(), s.y(), spec.bins(), lo, hi);
        }
        XYBarRenderer renderer = new XYBarRenderer();
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(true);
        for (int i = 0; i < spec.samples().size(); i++) {
            Color c = (Color) PaperStyle.paint(i);
            renderer.setSeriesPaint(i, spec.samples().size() > 1 ? new Color(c.getRed(), c.getGreen(), c.getBlue(), 150)
                    : c);
            renderer.setSeriesOutlinePaint(i, Color.BLACK);
            renderer.setSeriesOutlineStroke(i, PaperStyle.guideStroke(false));
        }
        NumberAxis xAxis = PaperStyle.numberAxis(spec.valueAxis(), false);
        double xlo = lo;
        double xhi = hi;
        for (ReferenceLine line : spec.referenceLines()) {
            xlo = Math.min(xlo, line.value());
            xhi = Math.max(xhi, line.value());
        }
        double pad = (xhi - xlo) * 0.04;
        xAxis.setAutoRange(false);
        xAxis.setRange(xlo - pad, xhi + pad);
        NumberAxis yAxis = PaperStyle.numberAxis(new Axis("configurations", "count"), true);
        yAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(java.util.Locale.ROOT));
        yAxis.setUpperMargin(LABEL_HEADROOM);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        styleGrid(plot);
        for (ReferenceLine line : spec.referenceLines()) {
            plot.addDomainMarker(referenceMarker(line, true), Layer.FOREGROUND);
        }
        JFreeChart chart = PaperStyle.chart(spec.title(), plot, true);
        PaperStyle.titleLegend(chart, spec.legendTitle());
        return chart;
    }

    /**
     * Stems at the values (the share of inputs at each, in percent) under the cumulative share as
     * a step line, on one numeric value axis: a discrete distribution drawn where its values are.
     */
    public static JFreeChart stepChart(StepChartSpec spec, FigureStyle style) {
        double[] values = spec.values();
        double[] shares = spec.shares();
        double[] cumulative = spec.cumulative();
        double span = values[values.length - 1] - values[0];
        double pad = span > 0 ? span * 0.06 : Math.max(Math.abs(values[0]) * 0.05, 1e-3);
        double lo = values[0] - pad;
        double hi = values[values.length - 1] + pad;

        XYIntervalSeriesCollection stems = new XYIntervalSeriesCollection();
        XYIntervalSeries stem = new XYIntervalSeries("share at the value", false, true);
        for (int i = 0; i < values.length; i++) {
            stem.add(values[i], values[i], values[i], 100 * shares[i], 0, 100 * shares[i]);
        }
        stems.addSeries(stem);
        XYErrorRenderer stemRenderer = new XYErrorRenderer();
        stemRenderer.setDefaultLinesVisible(false);
        stemRenderer.setDrawXError(false);
        stemRenderer.setDrawYError(true);
        stemRenderer.setCapLength(0);
        stemRenderer.setErrorStroke(new java.awt.BasicStroke(1.2f));
        stemRenderer.setErrorPaint(PaperStyle.paint(0));
        stemRenderer.setSeriesPaint(0, PaperStyle.paint(0));
        stemRenderer.setSeriesShape(0, PaperStyle.marker(0));
        stemRenderer.setSeriesShapesFilled(0, true);

        XYSeriesCollection steps = new XYSeriesCollection();
        XYSeries cdf = new XYSeries("cumulative share", false, true);
        cdf.add(lo, 0);
        for (int i = 0; i < values.length; i++) {
            cdf.add(values[i], 100 * cumulative[i]);
        }
        cdf.add(hi, 100);
        steps.addSeries(cdf);
        org.jfree.chart.renderer.xy.XYStepRenderer stepRenderer = new org.jfree.chart.renderer.xy.XYStepRenderer();
        stepRenderer.setSeriesPaint(0, PaperStyle.paint(5));
        stepRenderer.setSeriesStroke(0, PaperStyle.lineStroke(1));
        stepRenderer.setDefaultShapesVisible(false);
        stepRenderer.setLegendLine(new Line2D.Double(-6, 0, 6, 0));

        NumberAxis xAxis = PaperStyle.numberAxis(spec.valueAxis(), false);
        xAxis.setAutoRange(false);
        xAxis.setRange(lo, hi);
        NumberAxis yAxis = PaperStyle.numberAxis(new Axis("inputs", "%"), true);
        yAxis.setAutoRange(false);
        yAxis.setRange(0, 105);
        XYPlot plot = new XYPlot(steps, xAxis, yAxis, stepRenderer);
        // Stems show a few discrete values (exits); hundreds of them would only hatch the plot.
        if (values.length <= MAX_STEMS) {
            plot.setDataset(1, stems);
            plot.setRenderer(1, stemRenderer);
        }
        styleGrid(plot);
        JFreeChart chart = PaperStyle.chart(spec.title(), plot, true);
        PaperStyle.compactLegend(chart, style.size());
        return chart;
    }

    /**
     * Line charts side by side on one shared y axis, each panel's title as its x axis label and
     * one legend for all (series of one name share one style across panels).
     */
    public static JFreeChart panelChart(PanelChartSpec spec, FigureStyle style) {
        NumberAxis shared = PaperStyle.numberAxis(spec.yAxis(), true);
        org.jfree.chart.plot.CombinedRangeXYPlot combined = new org.jfree.chart.plot.CombinedRangeXYPlot(shared);
        combined.setGap(6);
        java.util.Map<String, Integer> slot = new java.util.LinkedHashMap<>();
        for (LineChartSpec panel : spec.panels()) {
            for (Series s : panel.series()) {
                slot.putIfAbsent(s.name(), slot.size());
            }
        }
        org.jfree.chart.LegendItemCollection legend = new org.jfree.chart.LegendItemCollection();
        java.util.Set<String> inLegend = new java.util.HashSet<>();
        for (LineChartSpec panel : spec.panels()) {
            LineChartSpec named = new LineChartSpec("", new Axis(panel.title(), ""), spec.yAxis(), panel.series(),
                    panel.referenceLines(), "", panel.markersOnly(), panel.envelopes());
            XYPlot plot = linePlot(named);
            XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
            // One style per series name across panels: restyle by the name's slot.
            for (int i = 0; i < panel.series().size(); i++) {
                String name = panel.series().get(i).name();
                if (!panel.envelopes().contains(name)) {
                    int k = slot.get(name);
                    r.setSeriesPaint(i, PaperStyle.paint(k));
                    r.setSeriesShape(i, PaperStyle.marker(k));
                    r.setSeriesStroke(i, PaperStyle.lineStroke(k));
                }
                if (inLegend.add(name)) {
                    legend.add(r.getLegendItem(0, i));
                }
            }
            PaperStyle.stylePlot(plot);
            combined.add(plot, 1);
        }
        combined.setFixedLegendItems(legend);
        JFreeChart chart = PaperStyle.chart(spec.title(), combined, true);
        PaperStyle.titleLegend(chart, spec.legendTitle());
        PaperStyle.compactLegend(chart, style.size());
        return chart;
    }

    /** Vermillion below the neutral value, white at it, blue above (Okabe–Ito end points). */
    static final class DivergingScale implements PaintScale {
        private static final Color LOW = new Color(0xD55E00);
        private static final Color HIGH = new Color(0x0072B2);
        private final double lower;
        private final double upper;
        private final double neutral;

        DivergingScale(double lower, double upper, double neutral) {
            this.lower = lower;
            this.upper = upper == lower ? lower + 1 : upper;
            this.neutral = neutral;
        }

        @Override
        public double getLowerBound() {
            return lower;
        }

        @Override
        public double getUpperBound() {
            return upper;
        }

        /** How far from white, 0 to 1. */
        private double strength(double v) {
            if (v >= neutral) {
                return upper > neutral ? Math.min(1, (v - neutral) / (upper - neutral)) : 0;
            }
            return neutral > lower ? Math.min(1, (neutral - v) / (neutral - lower)) : 0;
        }

        @Override
        public Paint getPaint(double v) {
            Color end = v >= neutral ? HIGH : LOW;
            double t = strength(v);
            return new Color(mix(255, end.getRed(), t), mix(255, end.getGreen(), t), mix(255, end.getBlue(), t));
        }

        boolean needsLightText(double v) {
            return strength(v) > 0.6;
        }

        private static int mix(int a, int b, double t) {
            return (int) Math.round(a + (b - a) * t);
        }
    }

    private static XYSeriesCollection dataset(List<Series> seriesList) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        for (Series series : seriesList) {
            // No auto-sort: points are joined in the caller's order.
            XYSeries xy = new XYSeries(series.name(), false, true);
            double[] x = series.x();
            double[] y = series.y();
            for (int i = 0; i < x.length; i++) {
                xy.add(x[i], y[i]);
            }
            dataset.addSeries(xy);
        }
        return dataset;
    }

    private static void styleSeries(XYLineAndShapeRenderer renderer, int count, boolean lines) {
        for (int i = 0; i < count; i++) {
            renderer.setSeriesPaint(i, PaperStyle.paint(i));
            renderer.setSeriesShape(i, PaperStyle.marker(i));
            renderer.setSeriesShapesFilled(i, true);
            if (lines) {
                renderer.setSeriesStroke(i, PaperStyle.lineStroke(i));
            }
        }
        renderer.setDrawSeriesLineAsPath(true);
        renderer.setLegendLine(new Line2D.Double(-6, 0, 6, 0));
    }

    private static void styleGrid(XYPlot plot) {
        plot.setDomainGridlinePaint(PaperStyle.GRID);
        plot.setRangeGridlinePaint(PaperStyle.GRID);
        plot.setDomainGridlineStroke(PaperStyle.guideStroke(false));
        plot.setRangeGridlineStroke(PaperStyle.guideStroke(false));
    }

    /**
     * A dashed guide; its label sits inside the plot (above a horizontal line at the left, beside a
     * vertical line at the top), where the axis ranges leave room, so it is never clipped.
     */
    private static ValueMarker referenceMarker(ReferenceLine line, boolean vertical) {
        ValueMarker marker = new ValueMarker(line.value(), Color.BLACK, PaperStyle.guideStroke(true));
        if (!line.label().isEmpty()) {
            marker.setLabel(line.label());
            marker.setLabelFont(PaperStyle.REFERENCE_FONT);
            marker.setLabelPaint(Color.BLACK);
            // The default grey label box looks like a UI widget in print.
            marker.setLabelBackgroundColor(new Color(255, 255, 255, 0));
            marker.setLabelOffset(new RectangleInsets(2, 4, 2, 4));
            if (vertical) {
                marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
                marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            } else {
                marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
                marker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            }
        }
        return marker;
    }

    /** min and max of the y values of all series (+∞ and −∞ when there are none). */
    private static double[] yRange(List<Series> seriesList) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Series s : seriesList) {
            for (double v : s.y()) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return new double[] {min, max};
    }

    /** min and max over all x and y values (and spreads) of all series. */
    private static double[] dataRange(List<Series> seriesList, List<ScatterChartSpec.Spread> spreads) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Series series : seriesList) {
            for (double[] values : new double[][] {series.x(), series.y()}) {
                for (double v : values) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        for (ScatterChartSpec.Spread s : spreads) {
            for (double v : s.low()) {
                min = Math.min(min, v);
            }
            for (double v : s.high()) {
                max = Math.max(max, v);
            }
        }
        if (!(min < max)) {
            // No or single-valued data: give the guides a visible, positive-safe extent.
            double centre = Double.isFinite(min) ? min : 1;
            min = centre > 0 ? centre / 2 : centre - 1;
            max = centre > 0 ? centre * 2 : centre + 1;
        }
        return new double[] {min, max};
    }

    private static String formatPercent(double percent) {
        return percent == Math.rint(percent) ? Long.toString((long) percent)
                : new BigDecimal(percent).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
