package dev.dynlat.reports.chart;

import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.PlotState;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.data.xy.XYDataset;

/**
 * An XY plot whose data area is always square, centred in the space it is given: with equal
 * ranges on both axes, the identity line of a predicted-vs-measured chart then runs at exactly
 * 45 degrees whatever the chart size, title or legend.
 */
final class SquareXYPlot extends XYPlot {
    private static final long serialVersionUID = 1L;

    SquareXYPlot(XYDataset dataset, ValueAxis xAxis, ValueAxis yAxis, XYItemRenderer renderer) {
        super(dataset, xAxis, yAxis, renderer);
    }

    @Override
    public void draw(Graphics2D g2, Rectangle2D area, Point2D anchor, PlotState parentState, PlotRenderingInfo info) {
        Rectangle2D inner = (Rectangle2D) area.clone();
        getInsets().trim(inner);
        AxisSpace space = calculateAxisSpace(g2, inner);
        Rectangle2D data = space.shrink(inner, null);
        double excess = data.getWidth() - data.getHeight();
        Rectangle2D square = excess > 0
                ? new Rectangle2D.Double(area.getX() + excess / 2, area.getY(), area.getWidth() - excess, area.getHeight())
                : new Rectangle2D.Double(area.getX(), area.getY() - excess / 2, area.getWidth(), area.getHeight() + excess);
        super.draw(g2, square, anchor, parentState, info);
    }
}
