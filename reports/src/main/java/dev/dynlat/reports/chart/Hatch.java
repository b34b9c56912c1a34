package dev.dynlat.reports.chart;

import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/**
 * A line pattern drawn over a filled area, so areas stay apart in greyscale print and for
 * colour-blind readers, where fills of similar lightness merge. Lines are spaced in points.
 */
public enum Hatch {
    /** No lines. */
    NONE(false, false, false, false),
    /** Lines rising to the right. */
    DIAGONAL(false, false, true, false),
    /** Lines falling to the right. */
    BACK_DIAGONAL(false, false, false, true),
    /** Both diagonals. */
    CROSS(false, false, true, true),
    /** Horizontal lines. */
    HORIZONTAL(true, false, false, false),
    /** Vertical lines. */
    VERTICAL(false, true, false, false),
    /** Horizontal and vertical lines. */
    GRID(true, true, false, false);

    /** Distance between parallel lines: dense enough to read on a 6 pt legend key. */
    static final double SPACING_PT = 2.5;

    private final boolean horizontal;
    private final boolean vertical;
    private final boolean rising;
    private final boolean falling;

    Hatch(boolean horizontal, boolean vertical, boolean rising, boolean falling) {
        this.horizontal = horizontal;
        this.vertical = vertical;
        this.rising = rising;
        this.falling = falling;
    }

    /**
     * The hatch lines across {@code area} as one path of open segments; lines are anchored to
     * whole multiples of the spacing so stacked parts of one bar line up.
     */
    public Path2D lines(Rectangle2D area) {
        Path2D.Double path = new Path2D.Double();
        double x0 = area.getMinX();
        double y0 = area.getMinY();
        double x1 = area.getMaxX();
        double y1 = area.getMaxY();
        double s = SPACING_PT;
        if (horizontal) {
            for (double y = Math.ceil(y0 / s) * s; y <= y1; y += s) {
                path.append(new Line2D.Double(x0, y, x1, y), false);
            }
        }
        if (vertical) {
            for (double x = Math.ceil(x0 / s) * s; x <= x1; x += s) {
                path.append(new Line2D.Double(x, y0, x, y1), false);
            }
        }
        double diagonalStep = s * Math.sqrt(2);
        if (rising) {
            // x + y = c: from the bottom-left to the top-right as c grows.
            for (double c = Math.floor((x0 + y0) / diagonalStep) * diagonalStep; c <= x1 + y1; c += diagonalStep) {
                appendClipped(path, c - y0, y0, c - y1, y1, x0, x1);
            }
        }
        if (falling) {
            // x - y = c.
            for (double c = Math.floor((x0 - y1) / diagonalStep) * diagonalStep; c <= x1 - y0; c += diagonalStep) {
                appendClipped(path, c + y0, y0, c + y1, y1, x0, x1);
            }
        }
        return path;
    }

    /** Appends the part of a segment (whose y lies inside the area) with x in [minX, maxX]. */
    private static void appendClipped(Path2D path, double ax, double ay, double bx, double by, double minX,
                                      double maxX) {
        double t0 = 0;
        double t1 = 1;
        double dx = bx - ax;
        for (double[] edge : new double[][] {{-dx, ax - minX}, {dx, maxX - ax}}) {
            double p = edge[0];
            double q = edge[1];
            if (p == 0) {
                if (q < 0) {
                    return;
                }
            } else {
                double t = q / p;
                if (p < 0) {
                    t0 = Math.max(t0, t);
                } else {
                    t1 = Math.min(t1, t);
                }
            }
        }
        if (t0 < t1) {
            path.append(new Line2D.Double(ax + t0 * dx, ay + t0 * (by - ay), ax + t1 * dx, ay + t1 * (by - ay)), false);
        }
    }

    /** Whether any line is drawn. */
    public boolean visible() {
        return this != NONE;
    }
}
