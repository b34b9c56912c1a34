package dev.dynlat.reports.chart;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.block.Block;
import org.jfree.chart.block.BlockContainer;
import org.jfree.chart.block.LabelBlock;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.Layer;

/**
 * The last step of every figure: its title broken only between the parts of its text (never
 * inside a token such as {@code S=8-4-8-4}) or removed for a captioned figure, and every text in
 * the chosen typeface. Charts are built in one family and set in the chosen one here, so no
 * builder needs to know the typeface.
 */
final class FigureFinish {
    /** Titles are lists of facts joined by this; lines break only here. */
    static final String SEPARATOR = ", ";
    /** The smallest title size: a title shrinks to this before any part of it is broken. */
    static final float MIN_TITLE_PT = 7.5f;
    /** Integer metrics, as JFreeChart measures titles on a plain Graphics2D; they run a little wider. */
    private static final FontRenderContext FRC = new FontRenderContext(null, false, false);
    /**
     * Chart padding plus the title's own margins, each side, in points, with room for the
     * renderers' differing glyph widths (SVG viewers and PDF fonts set text a little wider).
     */
    private static final double TITLE_INSETS_PT = 10;

    private FigureFinish() {
    }

    static JFreeChart apply(JFreeChart chart, FigureStyle style) {
        TextTitle title = chart.getTitle();
        if (title != null) {
            if (!style.showTitle() || title.getText().isEmpty()) {
                chart.setTitle((TextTitle) null);
            } else {
                Font font = style.typeface().apply(title.getFont());
                double width = style.size().width() - 2 * TITLE_INSETS_PT;
                while (widestPart(title.getText(), font) > width && font.getSize2D() > MIN_TITLE_PT) {
                    font = font.deriveFont(Math.max(MIN_TITLE_PT, font.getSize2D() - 0.5f));
                }
                title.setFont(font);
                title.setText(String.join("\n", lines(title.getText(), font, width)));
            }
        }
        setTypeface(chart, style.typeface());
        return chart;
    }

    /** The title's parts greedily joined into lines no wider than {@code width} points. */
    static List<String> lines(String text, Font font, double width) {
        String[] parts = text.split(SEPARATOR, -1);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            String joined = line + SEPARATOR.strip() + " " + parts[i];
            if (textWidth(joined, font) <= width) {
                line = new StringBuilder(joined);
            } else {
                lines.add(line + SEPARATOR.strip());
                line = new StringBuilder(parts[i]);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    static double textWidth(String text, Font font) {
        return font.getStringBounds(text, FRC).getWidth();
    }

    private static double widestPart(String text, Font font) {
        double widest = 0;
        for (String part : text.split(SEPARATOR, -1)) {
            widest = Math.max(widest, textWidth(part + SEPARATOR.strip(), font));
        }
        return widest;
    }

    /** Sets every text of the chart (titles, legend, axes, labels inside the plot) in {@code face}. */
    static void setTypeface(JFreeChart chart, Typeface face) {
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(face.apply(chart.getTitle().getFont()));
        }
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            Title sub = chart.getSubtitle(i);
            if (sub instanceof LegendTitle legend) {
                legend.setItemFont(face.apply(legend.getItemFont()));
                if (legend.getWrapper() != null) {
                    setTypeface(legend.getWrapper(), face);
                }
            } else if (sub instanceof PaintScaleLegend scale) {
                setTypeface(scale.getAxis(), face);
            } else if (sub instanceof TextTitle text) {
                text.setFont(face.apply(text.getFont()));
            }
        }
        setTypeface(chart.getPlot(), face);
    }

    private static void setTypeface(BlockContainer container, Typeface face) {
        for (Object o : container.getBlocks()) {
            Block block = (Block) o;
            if (block instanceof LabelBlock label) {
                label.setFont(face.apply(label.getFont()));
            } else if (block instanceof BlockContainer inner) {
                setTypeface(inner, face);
            }
        }
    }

    private static void setTypeface(Plot plot, Typeface face) {
        if (plot instanceof CombinedRangeXYPlot combined) {
            for (XYPlot sub : combined.getSubplots()) {
                setTypeface(sub, face);
            }
        }
        if (plot instanceof XYPlot xy) {
            for (int i = 0; i < xy.getDomainAxisCount(); i++) {
                setTypeface(xy.getDomainAxis(i), face);
            }
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                setTypeface(xy.getRangeAxis(i), face);
            }
            for (XYAnnotation a : xy.getAnnotations()) {
                if (a instanceof XYTextAnnotation text) {
                    text.setFont(face.apply(text.getFont()));
                }
            }
            setMarkerTypeface(xy.getDomainMarkers(Layer.BACKGROUND), face);
            setMarkerTypeface(xy.getDomainMarkers(Layer.FOREGROUND), face);
            setMarkerTypeface(xy.getRangeMarkers(Layer.BACKGROUND), face);
            setMarkerTypeface(xy.getRangeMarkers(Layer.FOREGROUND), face);
        } else if (plot instanceof CategoryPlot category) {
            setTypeface(category.getDomainAxis(), face);
            setTypeface(category.getRangeAxis(), face);
        }
    }

    private static void setMarkerTypeface(java.util.Collection<?> markers, Typeface face) {
        if (markers == null) {
            return;
        }
        for (Object o : markers) {
            Marker m = (Marker) o;
            m.setLabelFont(face.apply(m.getLabelFont()));
        }
    }

    private static void setTypeface(Axis axis, Typeface face) {
        if (axis != null) {
            axis.setLabelFont(face.apply(axis.getLabelFont()));
            axis.setTickLabelFont(face.apply(axis.getTickLabelFont()));
        }
    }
}
