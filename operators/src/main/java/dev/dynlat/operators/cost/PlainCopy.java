package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.model.Tiling;

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
}
