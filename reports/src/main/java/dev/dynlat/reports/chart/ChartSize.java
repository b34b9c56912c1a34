package dev.dynlat.reports.chart;

import dev.dynlat.operators.input.DecimalText;

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

    /** Points per inch. */
    public static final double POINTS_PER_INCH = 72;

    /**
     * One column of a two-column paper: 3.25 × 2.3 inches. 3.25 in is the narrowest common
     * column (CVPR 3.25 in, ICML 3.25 in, ACM 3.33 in), so the figure never overflows one.
     */
    public static final ChartSize COLUMN = new ChartSize(234, 166);

    /** The full text width of a two-column paper: 6.75 × 2.75 inches. */
    public static final ChartSize FULL = new ChartSize(486, 198);

    /** A square plot for predicted-vs-measured charts, one column wide. */
    public static final ChartSize SQUARE = COLUMN.squared();

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

    /** A square of this size's width, e.g. for predicted-vs-measured plots (y = x at 45 degrees). */
    public ChartSize squared() {
        return new ChartSize(width, width, dpi);
    }

    /**
     * A size as users type it: {@code column} (3.25 in wide), {@code full} (6.75 in) or
     * {@code WxH} in inches, e.g. {@code 3.3x2.2}.
     *
     * @throws IllegalArgumentException naming the field {@code size} and the value
     */
    public static ChartSize parse(String text) {
        String key = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        if (key.equals("column")) {
            return COLUMN;
        }
        if (key.equals("full")) {
            return FULL;
        }
        String[] parts = key.split("x", -1);
        String expected = "; expected column, full or WxH in inches (e.g. 3.3x2.2)";
        if (parts.length != 2) {
            throw new IllegalArgumentException("size: unknown size '" + text + "'" + expected);
        }
        if (!DecimalText.isDecimal(parts[0]) || !DecimalText.isDecimal(parts[1])) {
            throw new IllegalArgumentException("size: unknown size '" + text + "'" + expected);
        }
        double w = DecimalText.parse(parts[0]);
        double h = DecimalText.parse(parts[1]);
        // A figure under half an inch has no room for a label; over 20 in is no paper page.
        if (!(w >= 0.5 && w <= 20 && h >= 0.5 && h <= 20)) {
            throw new IllegalArgumentException("size: '" + text + "' must be 0.5 to 20 inches on each side");
        }
        return new ChartSize((int) Math.round(w * POINTS_PER_INCH), (int) Math.round(h * POINTS_PER_INCH));
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
