package dev.dynlat.reports.chart;

/**
 * The size of a rendered chart in points (1/72 inch), the unit of SVG and PDF pages, and the
 * resolution of PNG renders: a PNG is {@code width × dpi / 72} pixels wide, so every format
 * shows the same layout and the same font sizes at print size. Fonts are set for
 * {@link #COLUMN}, one column of a two-column paper, where they print at 7.5 to 9 points.
 *
 * @param width  the width in points, 1 to 10000
 * @param height the height in points, 1 to 10000
 * @param dpi    PNG resolution in dots per inch, 36 to 1200 (ignored by SVG and PDF)
 */
public record ChartSize(int width, int height, int dpi) {

    /** PNG resolution for print. */
    public static final int PRINT_DPI = 300;

    /** One column of a two-column paper: 3.5 × 2.5 inches. */
    public static final ChartSize COLUMN = new ChartSize(252, 180);

    /** A square plot for predicted-vs-measured charts, one column wide. */
    public static final ChartSize SQUARE = new ChartSize(252, 252);

    /** The size used when none is given: {@link #COLUMN}. */
    public static final ChartSize DEFAULT = COLUMN;

    private static final int MAX = 10_000;

    /** Validates the size. */
    public ChartSize {
        if (width < 1 || height < 1 || width > MAX || height > MAX) {
            throw new IllegalArgumentException("Chart size must be within 1.." + MAX + " points on each side, got "
                    + width + "x" + height);
        }
        if (dpi < 36 || dpi > 1200) {
            throw new IllegalArgumentException("Chart dpi must be within 36..1200, got " + dpi);
        }
    }

    /** A size at {@link #PRINT_DPI}. */
    public ChartSize(int width, int height) {
        this(width, height, PRINT_DPI);
    }

    /** This size at another PNG resolution. */
    public ChartSize withDpi(int newDpi) {
        return new ChartSize(width, height, newDpi);
    }

    /** PNG width in pixels. */
    public int pixelWidth() {
        return (int) Math.round(width * dpi / 72.0);
    }

    /** PNG height in pixels. */
    public int pixelHeight() {
        return (int) Math.round(height * dpi / 72.0);
    }
}
