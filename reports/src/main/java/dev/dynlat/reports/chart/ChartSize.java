package dev.dynlat.reports.chart;

/**
 * The size of a rendered chart: pixels for PNG, points (1/72 inch) for SVG and PDF. Chart
 * fonts are sized for the default; a chart meant for one column of a two-column paper reads
 * well at about 640×420 scaled down to the column width.
 *
 * @param width  the width, 1 to 10000
 * @param height the height, 1 to 10000
 */
public record ChartSize(int width, int height) {

    /** 640 × 420. */
    public static final ChartSize DEFAULT = new ChartSize(640, 420);

    private static final int MAX = 10_000;

    /** Validates the size. */
    public ChartSize {
        if (width < 1 || height < 1 || width > MAX || height > MAX) {
            throw new IllegalArgumentException("Chart size must be within 1.." + MAX + " on each side, got "
                    + width + "x" + height);
        }
    }
}
