package dev.dynlat.reports.chart;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.text.TextUtils;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUnits;
import org.jfree.svg.ViewBox;

/**
 * SVG via JFreeSVG, with text kept as {@code <text>} elements so it stays searchable and
 * editable. The root element states the size it draws at ({@code width}/{@code height} in
 * points) and a {@code viewBox} in the same units, so the figure scales cleanly when a document
 * resizes it and prints at its intended size otherwise.
 */
final class SvgChartEncoder implements ChartEncoder {

    /**
     * JFreeSVG prefixes the ids of clip paths and gradients with a time-based key unless told
     * otherwise; a fixed prefix makes the same chart produce byte-identical files.
     */
    static final String DEFS_KEY_PREFIX = "dynlat-";

    /** A fixed root id: JFreeSVG would otherwise derive one from the clock. */
    static final String SVG_ID = "dynlat-chart";

    static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    /** Serialises SVG renders while the JFreeChart-wide text setting below is switched. */
    private static final Object ROTATED_TEXT_LOCK = new Object();

    @Override
    public void encode(JFreeChart chart, ChartSize size, OutputStream out) throws IOException {
        SVGGraphics2D g2 = new SVGGraphics2D(size.width(), size.height(), SVGUnits.PT);
        g2.setDefsKeyPrefix(DEFS_KEY_PREFIX);
        drawWithRotatedTextAsText(chart, g2, size);
        g2.dispose();
        String svg = XML_DECLARATION + g2.getSVGElement(SVG_ID, true,
                new ViewBox(0, 0, size.width(), size.height()), null, null) + "\n";
        out.write(svg.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * JFreeChart draws rotated strings (the y axis label) through a {@code TextLayout}, an old
     * workaround for JDK bugs that turns them into glyph outlines; in SVG that label would then
     * not be text. The JVM-wide switch is turned off only while this chart is drawn.
     */
    private static void drawWithRotatedTextAsText(JFreeChart chart, SVGGraphics2D g2, ChartSize size) {
        synchronized (ROTATED_TEXT_LOCK) {
            boolean saved = TextUtils.isUseDrawRotatedStringWorkaround();
            TextUtils.setUseDrawRotatedStringWorkaround(false);
            try {
                chart.draw(g2, new Rectangle2D.Double(0, 0, size.width(), size.height()));
            } finally {
                TextUtils.setUseDrawRotatedStringWorkaround(saved);
            }
        }
    }
}
