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
        double planes = (double) spec.channels();
        double window = (double) spec.outHeight() * spec.outWidth();
        if (d.cpuLibraryKernels()) {
            double batchPlanes = planes * d.batch();
            return CpuPasses.pass(batchPlanes * spec.outHeight(), 2 * batchPlanes * window, 0, d);
        }
        double coalescing = Efficiency.coalescing(spec.outWidth(), spec.width() - spec.outWidth(),
                d.transactionElements());
        return PlainCopy.cost(planes * window, planes * window, coalescing, d);
    }
}
