package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.Efficiency;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.spec.CropSpec;

/**
 * A crop copies its window: only the window's rows are read, each a run of {@code outWidth}
 * elements with the rest of the map's row skipped, so short windows waste part of every memory
 * transaction ({@link Efficiency#coalescing}). The reference has no crop; the laudnet variant
 * costs it in the reference's style of a copy (as its unfold and gather).
 */
public final class CropCostModel implements CostModel<CropSpec> {
    @Override
    public OperatorCost cost(CropSpec spec, DeviceModel d) {
        return CostVariant.of(d).crop(spec, d);
    }

    static OperatorCost streaming(CropSpec spec, DeviceModel d) {
        double window = (double) spec.channels() * spec.outHeight() * spec.outWidth();
        double coalescing = Efficiency.coalescing(spec.outWidth(), spec.width() - spec.outWidth(),
                d.transactionElements());
        return PlainCopy.cost(window, window, coalescing, d);
    }
}
