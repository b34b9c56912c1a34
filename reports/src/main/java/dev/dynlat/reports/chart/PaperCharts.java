package dev.dynlat.reports.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Line2D;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Builds paper-style JFreeChart charts from chart specs. Only layout and look are decided
 * here; the data comes unchanged from the spec. The returned chart may be tweaked further
 * before it is written with {@link ChartFiles}.
 */
public final class PaperCharts {

    private PaperCharts() {
    }

    /** Builds the chart for any spec. */
    public static JFreeChart create(ChartSpec spec) {
        if (spec instanceof LineChartSpec line) {
            return lineChart(line);
        }
        if (spec instanceof ScatterChartSpec scatter) {
            return scatterChart(scatter);
        }
        if (spec instanceof StackedBarChartSpec bars) {
            return stackedBarChart(bars);
        }
        throw new IllegalArgumentException("Unsupported chart spec " + spec);
    }

    /** Lines with markers, one style per series, plus labelled horizontal reference lines. */
    public static JFreeChart lineChart(LineChartSpec spec) {
        XYSeriesCollection dataset = dataset(spec.series());
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        styleSeries(renderer, spec.series().size(), true);
        XYPlot plot = new XYPlot(dataset, PaperStyle.numberAxis(spec.xAxis(), false),
                PaperStyle.numberAxis(spec.yAxis(), true), renderer);
        styleGrid(plot);
        for (ReferenceLine line : spec.referenceLines()) {
            plot.addRangeMarker(referenceMarker(line), Layer.BACKGROUND);
        }
        return PaperStyle.chart(spec.title(), plot, true);
    }

    /**
     * Markers only, one shape per series, over the identity line and optional error band.
     * Guides span the data range so they never stretch the axes beyond it.
     */
    public static JFreeChart scatterChart(ScatterChartSpec spec) {
        XYSeriesCollection points = dataset(spec.series());
        XYLineAndShapeRenderer pointRenderer = new XYLineAndShapeRenderer(false, true);
        styleSeries(pointRenderer, spec.series().size(), false);

        ValueAxis xAxis = spec.logLog() ? PaperStyle.logAxis(spec.measuredAxis())
                : PaperStyle.numberAxis(spec.measuredAxis(), false);
        ValueAxis yAxis = spec.logLog() ? PaperStyle.logAxis(spec.predictedAxis())
                : PaperStyle.numberAxis(spec.predictedAxis(), false);
        XYPlot plot = new XYPlot(points, xAxis, yAxis, pointRenderer);
        styleGrid(plot);

        double[] range = dataRange(spec.series());
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
        }
        plot.setDataset(1, guides);
        plot.setRenderer(1, guideRenderer);
        return PaperStyle.chart(spec.title(), plot, true);
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
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(true);
        renderer.setMaximumBarWidth(0.12);
        for (int i = 0; i < spec.components().size(); i++) {
            renderer.setSeriesPaint(i, PaperStyle.paint(i));
            renderer.setSeriesOutlinePaint(i, Color.BLACK);
            renderer.setSeriesOutlineStroke(i, PaperStyle.guideStroke(false));
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
        return PaperStyle.chart(spec.title(), plot, true);
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
        renderer.setLegendLine(new Line2D.Double(-12, 0, 12, 0));
    }

    private static void styleGrid(XYPlot plot) {
        plot.setDomainGridlinePaint(PaperStyle.GRID);
        plot.setRangeGridlinePaint(PaperStyle.GRID);
        plot.setDomainGridlineStroke(PaperStyle.guideStroke(false));
        plot.setRangeGridlineStroke(PaperStyle.guideStroke(false));
    }

    private static ValueMarker referenceMarker(ReferenceLine line) {
        ValueMarker marker = new ValueMarker(line.value(), Color.BLACK, PaperStyle.guideStroke(true));
        if (!line.label().isEmpty()) {
            marker.setLabel(line.label());
            marker.setLabelFont(PaperStyle.LEGEND_FONT.deriveFont(Font.ITALIC));
            marker.setLabelPaint(Color.BLACK);
            // The default grey label box looks like a UI widget in print.
            marker.setLabelBackgroundColor(Color.WHITE);
            marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            marker.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        }
        return marker;
    }

    /** min and max over all x and y values of all series. */
    private static double[] dataRange(List<Series> seriesList) {
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
