package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.Efficiency;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.model.Tiling;
import dev.dynlat.operators.spec.ConcatSpec;
import dev.dynlat.operators.spec.CropSpec;

/**
 * A kernel that only moves data (unfold, concat, crop): the input is read once from DRAM and the
 * output written once; the output also crosses the on-chip level on its way in and out. Shared
 * so that every copy kernel is costed alike.
 */
final class PlainCopy {
    private PlainCopy() {
    }

    /**
     * A copy of {@code inElements} read to {@code outElements} written per sample; the on-chip
     * transfers run at {@code coalescing} of the on-chip bandwidth (1 for contiguous rows).
     */
    static OperatorCost cost(double inElements, double outElements, double coalescing, DeviceModel d) {
        double memory = ((inElements + outElements) / d.dramElementsPerS()
                + 2 * outElements / d.l2ElementsPerS() / coalescing) * d.batch();
        return new OperatorCost(memory + d.launchS(), 0, memory, d.launchS(), Tiling.NONE, 0,
                (inElements + outElements) * d.batch() * 4);
    }

    /**
     * Channel concatenation: one copy kernel that reads every input once and writes the output.
     * The reference has no concat; this is its style of a copy (as its unfold).
     */
    static OperatorCost concat(ConcatSpec spec, DeviceModel d) {
        double out = (double) spec.outChannels() * spec.height() * spec.width();
        return cost(out, out, 1, d);
    }

    /**
     * A crop copies its window: only the window's rows are read, each a run of {@code outWidth}
     * elements with the rest of the map's row skipped, so short windows waste part of every memory
     * transaction ({@link Efficiency#coalescing}). The reference has no crop; this is its style of
     * a copy (as its unfold and gather).
     */
    static OperatorCost crop(CropSpec spec, DeviceModel d) {
        double window = (double) spec.channels() * spec.outHeight() * spec.outWidth();
        double coalescing = Efficiency.coalescing(spec.outWidth(), spec.width() - spec.outWidth(),
                d.transactionElements());
        return cost(window, window, coalescing, d);
    }
}
