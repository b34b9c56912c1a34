package dev.dynlat.operators.spec;

/**
 * The S×S patches of a spatially dynamic layer on an {@code height × width} output map, and how
 * many of them are active at a given activation rate ({@code ceil(rate × patches)}, as the
 * reference counts).
 */
public record PatchGrid(int height, int width, int granularity) {
    public PatchGrid {
        Check.positive("height", height);
        Check.positive("width", width);
        Check.positive("granularity", granularity);
    }

    public long patches() {
        return (long) ceilDiv(height, granularity) * ceilDiv(width, granularity);
    }

    public long activePatches(double rate) {
        return (long) Math.ceil(rate * patches());
    }

    /** Mean active count over all possible counts 1..patches: the schedule is fixed with it. */
    public double meanActivePatches() {
        return (patches() + 1) / 2.0;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
