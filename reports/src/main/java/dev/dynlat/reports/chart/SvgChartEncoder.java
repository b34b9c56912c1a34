package dev.dynlat.reports.chart;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUnits;

/**
 * SVG via JFreeSVG, with text kept as {@code <text>} elements so it stays searchable and
 * editable. Size in points.
 */
final class SvgChartEncoder implements ChartEncoder {

    /**
     * JFreeSVG prefixes the ids of clip paths and gradients with a time-based key unless told
     * otherwise; a fixed prefix makes the same chart produce byte-identical files.
     */
    static final String DEFS_KEY_PREFIX = "dynlat-";

    @Override
    public void encode(JFreeChart chart, ChartSize size, OutputStream out) throws IOException {
        SVGGraphics2D g2 = new SVGGraphics2D(size.width(), size.height(), SVGUnits.PT);
        g2.setDefsKeyPrefix(DEFS_KEY_PREFIX);
        chart.draw(g2, new Rectangle2D.Double(0, 0, size.width(), size.height()));
        g2.dispose();
        out.write(g2.getSVGDocument().getBytes(StandardCharsets.UTF_8));
    }
}
