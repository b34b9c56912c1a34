package dev.dynlat.reports.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnitSource;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.block.BlockContainer;
import org.jfree.chart.block.BorderArrangement;
import org.jfree.chart.block.LabelBlock;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The look shared by all charts: white background, no gradients or shadows, sans-serif fonts
 * sized for print, light grid, legend below the plot, and series that differ in colour, marker
 * shape and dash pattern at once so they stay apart in greyscale print.
 *
 * <p>Colours are the Okabe–Ito palette, which is also distinguishable for colour-blind readers.
 * Number labels are always formatted with {@link Locale#ROOT}.
 */
final class PaperStyle {

    // Point sizes at print size (charts are laid out in points, ChartSize.COLUMN wide): 7.5 pt
    // is the smallest text journals accept in figures.
    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 9);
    static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 8);
    static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 7).deriveFont(7.5f);
    static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 7).deriveFont(7.5f);
    static final Font LEGEND_TITLE_FONT = LEGEND_FONT.deriveFont(Font.BOLD);
    /**
     * Reference-line labels: a whole point size, as the JDK measures fractional italic fonts
     * differently on first use, which would make two renders of one chart differ.
     */
    static final Font REFERENCE_FONT = new Font(Font.SANS_SERIF, Font.ITALIC, 8);

    static final Color GRID = new Color(0xDDDDDD);
    static final Color GUIDE = new Color(0x555555);
    /** The shaded error band: light enough that points over it keep their colour. */
    static final Color BAND = new Color(0, 0, 0, 28);
    /** Envelopes (a best-of curve over the others) are black, apart from every palette colour. */
    static final Color ENVELOPE = Color.BLACK;
    /** Opacity of scatter markers (0-255). */
    static final int POINT_ALPHA = 190;
    /** The most of a figure's height a legend below the plot may take before it moves right. */
    static final double MAX_LEGEND_SHARE = 0.2;

    /** Okabe–Ito, ordered so that neighbours also differ in lightness. */
    private static final Color[] COLORS = {
        new Color(0x0072B2), // blue
        new Color(0xE69F00), // orange
        new Color(0x009E73), // bluish green
        new Color(0xCC79A7), // reddish purple
        new Color(0x56B4E9), // sky blue
        new Color(0xD55E00), // vermillion
        new Color(0xF0E442), // yellow
        new Color(0x000000), // black
    };

    private static final float LINE_WIDTH = 1.1f;

    private static final float[][] DASHES = {
        null,                       // solid
        {6f, 3f},                   // dashed
        {1.5f, 2.5f},               // dotted
        {7f, 3f, 1.5f, 3f},         // dash-dot
        {12f, 4f},                  // long dash
        {4f, 2f, 1.5f, 2f, 1.5f, 2f}, // dash-dot-dot
    };

    private static final double MARKER = 4.5;

    private PaperStyle() {
    }

    static Paint paint(int series) {
        return COLORS[series % COLORS.length];
    }

    /** A thick long dash, unlike any curve's stroke. */
    static Stroke envelopeStroke() {
        return new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {5f, 2.5f}, 0f);
    }

    static Color translucent(Paint paint, int alpha) {
        Color c = (Color) paint;
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    /** {@link #marker(int)} at two thirds of the size, for scatter clouds. */
    static Shape smallMarker(int series) {
        return java.awt.geom.AffineTransform.getScaleInstance(2 / 3.0, 2 / 3.0).createTransformedShape(marker(series));
    }

    static Stroke lineStroke(int series) {
        float[] dash = DASHES[series % DASHES.length];
        return dash == null
                ? new BasicStroke(LINE_WIDTH, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND)
                : new BasicStroke(LINE_WIDTH, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }

    /** A thin dashed stroke for guides (identity line, error band, reference lines). */
    static Stroke guideStroke(boolean dashed) {
        return dashed
                ? new BasicStroke(0.7f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3f, 2f}, 0f)
                : new BasicStroke(0.6f);
    }

    /** Circle, square, triangle up, diamond, triangle down, cross, repeating. */
    static Shape marker(int series) {
        double s = MARKER;
        double h = s / 2;
        switch (series % 6) {
            case 0:
                return new Ellipse2D.Double(-h, -h, s, s);
            case 1:
                return new Rectangle2D.Double(-h * 0.9, -h * 0.9, s * 0.9, s * 0.9);
            case 2:
                return polygon(0, -h, h, h, -h, h);
            case 3:
                return polygon(0, -h * 1.2, h, 0, 0, h * 1.2, -h, 0);
            case 4:
                return polygon(-h, -h, h, -h, 0, h);
            default:
                double t = s / 6;
                return polygon(-t, -h, t, -h, t, -t, h, -t, h, t, t, t, t, h, -t, h, -t, t, -h, t, -h, -t, -t, -t);
        }
    }

    private static Shape polygon(double... xy) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            path.lineTo(xy[i], xy[i + 1]);
        }
        path.closePath();
        return path;
    }

    /**
     * Tick steps of 1, 2 and 5 times a power of ten, each labelled with exactly the decimals its
     * step needs: all labels of an axis then share one precision (0.0, 0.5, 1.0, never 0.5, 1).
     */
    static TickUnitSource tickUnits() {
        TickUnits units = new TickUnits();
        for (int exponent = -9; exponent <= 12; exponent++) {
            for (int mantissa : new int[] {1, 2, 5}) {
                double step = mantissa * Math.pow(10, exponent);
                units.add(new NumberTickUnit(step, fixedDecimals(Math.max(0, -exponent)), 0));
            }
        }
        return units;
    }

    static NumberFormat fixedDecimals(int decimals) {
        DecimalFormat format = new DecimalFormat(decimals == 0 ? "0" : "0." + "0".repeat(decimals),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setGroupingUsed(false);
        return format;
    }

    /** A linear axis with locale-independent tick labels of one precision. */
    static NumberAxis numberAxis(Axis axis, boolean includeZero) {
        NumberAxis numberAxis = new NumberAxis(axis.text());
        numberAxis.setStandardTickUnits(tickUnits());
        numberAxis.setAutoRangeIncludesZero(includeZero);
        styleAxis(numberAxis);
        return numberAxis;
    }

    /**
     * A base-10 logarithmic axis with a tick at every decade labelled as the plain number (0.01,
     * 0.1, 1, 10) and unlabelled minor ticks between. The auto tick unit would otherwise step by
     * fractions of a decade and print values like 3.1622776602.
     */
    static LogAxis logAxis(Axis axis) {
        LogAxis logAxis = new LogAxis(axis.text());
        logAxis.setTickUnit(new NumberTickUnit(1), false, false);
        logAxis.setAutoTickUnitSelection(false);
        logAxis.setNumberFormatOverride(plainNumbers());
        logAxis.setMinorTickMarksVisible(true);
        logAxis.setMinorTickCount(9);
        styleAxis(logAxis);
        return logAxis;
    }

    /**
     * Labels at most five decades of a log axis spanning [lo, hi] (every second or third decade
     * on wide ranges, at most four where labels are long, so labels never collide), always as
     * plain numbers (0.001, 0.1, 10, 1000):
     * readers of a latency plot read milliseconds, not exponents.
     */
    static void decadeTicks(LogAxis axis, double lo, double hi) {
        int first = (int) Math.ceil(Math.log10(lo) - 1e-9);
        int last = (int) Math.floor(Math.log10(hi) + 1e-9);
        // Plain labels below 0.001 are long ("0.000001"): four of them fill a column's axis.
        int maxLabels = first < -3 || last > 5 ? 4 : 5;
        int step = Math.max(1, (int) Math.ceil((last - first + 1) / (double) maxLabels));
        axis.setTickUnit(new NumberTickUnit(step), false, false);
        axis.setMinorTickCount(step == 1 ? 9 : step);
    }

    private static NumberFormat plainNumbers() {
        DecimalFormat format = new DecimalFormat("0.##########", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setGroupingUsed(false);
        return format;
    }

    static void styleAxis(org.jfree.chart.axis.Axis axis) {
        axis.setLabelFont(LABEL_FONT);
        axis.setTickLabelFont(TICK_FONT);
        axis.setLabelPaint(Color.BLACK);
        axis.setTickLabelPaint(Color.BLACK);
        axis.setAxisLinePaint(Color.BLACK);
        axis.setTickMarkPaint(Color.BLACK);
    }

    static void stylePlot(Plot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(Color.BLACK);
        plot.setOutlineStroke(new BasicStroke(0.8f));
        plot.setInsets(new RectangleInsets(3, 3, 3, 6));
    }

    /** Wraps a styled plot into a chart with title (if any) and a legend below the plot. */
    static JFreeChart chart(String title, Plot plot, boolean legend) {
        stylePlot(plot);
        JFreeChart chart = new JFreeChart(null, TITLE_FONT, plot, legend);
        if (!title.isEmpty()) {
            TextTitle textTitle = new TextTitle(title, TITLE_FONT);
            textTitle.setPaint(Color.BLACK);
            chart.setTitle(textTitle);
        }
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(2, 2, 2, 2));
        LegendTitle legendTitle = chart.getLegend();
        if (legendTitle != null) {
            legendTitle.setItemFont(LEGEND_FONT);
            legendTitle.setItemPaint(Color.BLACK);
            legendTitle.setBackgroundPaint(Color.WHITE);
            legendTitle.setFrame(BlockBorder.NONE);
            legendTitle.setPosition(RectangleEdge.BOTTOM);
        }
        return chart;
    }

    /**
     * Keeps the legend small: short line keys, tight items, and, where the items below the plot
     * would take more than {@link #MAX_LEGEND_SHARE} of the figure's height, one column at the
     * right instead.
     */
    static void compactLegend(JFreeChart chart, ChartSize size) {
        LegendTitle legend = chart.getLegend();
        if (legend == null || legend.getPosition() != RectangleEdge.BOTTOM) {
            return;
        }
        legend.setItemLabelPadding(new RectangleInsets(1, 1, 1, 3));
        legend.setLegendItemGraphicPadding(new RectangleInsets(1, 2, 1, 0));
        if (legendHeight(legend, size.width()) > MAX_LEGEND_SHARE * size.height()) {
            legend.setPosition(RectangleEdge.RIGHT);
            BlockContainer wrapper = legend.getWrapper();
            if (wrapper != null) {
                // The legend title goes above the column of items, not beside it.
                BlockContainer column = new BlockContainer(new BorderArrangement());
                for (Object block : wrapper.getBlocks()) {
                    column.add((org.jfree.chart.block.Block) block,
                            block instanceof LabelBlock ? RectangleEdge.TOP : null);
                }
                legend.setWrapper(column);
            }
        }
    }

    /** The height the legend takes below the plot at a figure width, in points. */
    static double legendHeight(LegendTitle legend, double width) {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(1, 1,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g2 = image.createGraphics();
        try {
            return legend.arrange(g2, new org.jfree.chart.block.RectangleConstraint(width - 4, new org.jfree.data.Range(0, 10_000))).getHeight();
        } finally {
            g2.dispose();
        }
    }

    /**
     * Puts a bold title before the legend items (e.g. "S per stage:"), so readers know what the
     * series stand for; JFreeChart legends have no title of their own, hence the wrapper.
     */
    static void titleLegend(JFreeChart chart, String title) {
        LegendTitle legend = chart.getLegend();
        if (legend == null || title.isEmpty()) {
            return;
        }
        BlockContainer wrapper = new BlockContainer(new BorderArrangement());
        LabelBlock label = new LabelBlock(title + ":", LEGEND_TITLE_FONT, Color.BLACK);
        label.setPadding(2, 2, 2, 4);
        wrapper.add(label, RectangleEdge.LEFT);
        wrapper.add(legend.getItemContainer());
        legend.setWrapper(wrapper);
    }
}
