package dev.dynlat.reports.chart;

import java.util.Objects;

/**
 * How a figure is printed, apart from what it shows: its size (points), the type family of its
 * text, and whether it carries its own title (papers put the title in the caption).
 *
 * @param size      the page size in points and the PNG resolution
 * @param typeface  the family of every text in the figure
 * @param showTitle whether the title is drawn; false for captioned figures
 */
public record FigureStyle(ChartSize size, Typeface typeface, boolean showTitle) {

    /** One column, serif (LaTeX body text), with title. */
    public static final FigureStyle DEFAULT = new FigureStyle(ChartSize.DEFAULT, Typeface.SERIF, true);

    /** Validates. */
    public FigureStyle {
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(typeface, "typeface");
    }

    /** This style at another size. */
    public FigureStyle withSize(ChartSize newSize) {
        return new FigureStyle(newSize, typeface, showTitle);
    }
}
