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
import org.jfree.chart.block.BlockBorder;
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

    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    static final Color GRID = new Color(0xDDDDDD);
    static final Color GUIDE = new Color(0x555555);

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

    private static final float LINE_WIDTH = 1.6f;

    private static final float[][] DASHES = {
        null,                       // solid
        {6f, 3f},                   // dashed
        {1.5f, 2.5f},               // dotted
        {7f, 3f, 1.5f, 3f},         // dash-dot
        {12f, 4f},                  // long dash
        {4f, 2f, 1.5f, 2f, 1.5f, 2f}, // dash-dot-dot
    };

    private static final double MARKER = 7.0;

    private PaperStyle() {
    }

    static Paint paint(int series) {
        return COLORS[series % COLORS.length];
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
                ? new BasicStroke(1.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f)
                : new BasicStroke(1.0f);
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

    /** A linear axis with locale-independent tick labels. */
    static NumberAxis numberAxis(Axis axis, boolean includeZero) {
        NumberAxis numberAxis = new NumberAxis(axis.text());
        numberAxis.setStandardTickUnits(NumberAxis.createStandardTickUnits(Locale.ROOT));
        numberAxis.setAutoRangeIncludesZero(includeZero);
        styleAxis(numberAxis);
        return numberAxis;
    }

    /** A base-10 logarithmic axis with ticks at decades, labelled as plain numbers. */
    static LogAxis logAxis(Axis axis) {
        LogAxis logAxis = new LogAxis(axis.text());
        logAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
        logAxis.setNumberFormatOverride(plainNumbers());
        logAxis.setMinorTickMarksVisible(true);
        styleAxis(logAxis);
        return logAxis;
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
        plot.setInsets(new RectangleInsets(6, 6, 6, 12));
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
        chart.setPadding(new RectangleInsets(4, 4, 4, 4));
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
}
