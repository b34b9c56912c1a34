package dev.dynlat.reports.chart;

import java.awt.Color;
import java.util.Objects;

/**
 * How one area (a stacked part of a bar) is painted: a flat colour with a hatch over it.
 *
 * @param colour the fill colour
 * @param hatch  the line pattern over the fill
 */
public record AreaFill(Color colour, Hatch hatch) {

    /** Validates. */
    public AreaFill {
        Objects.requireNonNull(colour, "colour");
        Objects.requireNonNull(hatch, "hatch");
    }
}
