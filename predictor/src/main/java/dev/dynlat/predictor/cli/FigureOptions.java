package dev.dynlat.predictor.cli;

import dev.dynlat.reports.chart.ChartSize;
import dev.dynlat.reports.chart.FigureStyle;
import dev.dynlat.reports.chart.Typeface;
import picocli.CommandLine.Option;

/** How figures are printed: size, typeface and title (shared by report, sweep and predict). */
final class FigureOptions {
    @Option(names = "--size", paramLabel = "column|full|WxH", defaultValue = "column",
            description = "Figure size: column (3.25 in wide), full (6.75 in) or WxH in inches (3.3x2.2)."
                    + " Default: ${DEFAULT-VALUE}.")
    String size;

    @Option(names = "--font", paramLabel = "serif|sans", defaultValue = "serif",
            description = "Figure typeface: serif (matches LaTeX body text) or sans. Default: ${DEFAULT-VALUE}.")
    String font;

    @Option(names = "--no-title", description = "Leave the title out (for figures with a caption).")
    boolean noTitle;

    /** The options as a style; a bad size or font is named with its field. */
    FigureStyle style() {
        return new FigureStyle(ChartSize.parse(size), Typeface.parse(font), !noTitle);
    }

    /** The style at a PNG resolution. */
    FigureStyle style(int dpi) {
        FigureStyle s = style();
        return s.withSize(s.size().withDpi(dpi));
    }
}
