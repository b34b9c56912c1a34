package dev.dynlat.reports.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RectangularShape;
import java.util.List;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleEdge;

/**
 * Flat bars with each series' hatch drawn over its fill, clipped to the bar. Drawn as plain
 * line strokes, so the pattern is vector in SVG and PDF (neither JFreeSVG nor PDFBox's
 * Graphics2D carries a texture paint reliably).
 */
final class HatchedBarPainter extends StandardBarPainter {
    private static final Stroke HATCH_STROKE = new BasicStroke(0.45f);
    private static final Color HATCH_COLOUR = Color.BLACK;
    /** The legend key: a small box, as big as a legend line is long. */
    private static final Rectangle2D KEY = new Rectangle2D.Double(-4.5, -3.5, 9, 7);

    private final List<Hatch> hatches;

    HatchedBarPainter(List<Hatch> hatches) {
        this.hatches = List.copyOf(hatches);
    }

    @Override
    public void paintBar(Graphics2D g2, BarRenderer renderer, int row, int column, RectangularShape bar,
                         RectangleEdge base) {
        super.paintBar(g2, renderer, row, column, bar, base);
        Hatch hatch = hatches.get(row % hatches.size());
        if (!hatch.visible()) {
            return;
        }
        Shape savedClip = g2.getClip();
        Stroke savedStroke = g2.getStroke();
        java.awt.Paint savedPaint = g2.getPaint();
        g2.clip(bar);
        g2.setStroke(HATCH_STROKE);
        g2.setPaint(HATCH_COLOUR);
        g2.draw(hatch.lines(bar.getBounds2D()));
        g2.setClip(savedClip);
        g2.setStroke(savedStroke);
        g2.setPaint(savedPaint);
    }

    /**
     * The legend key of a hatched series: a box whose outline also draws the hatch lines (the
     * fill of a zero-area line is empty, so only the box is filled).
     */
    static Shape legendKey(Hatch hatch) {
        Path2D.Double key = new Path2D.Double(KEY);
        if (hatch.visible()) {
            key.append(hatch.lines(KEY), false);
        }
        return key;
    }
}
