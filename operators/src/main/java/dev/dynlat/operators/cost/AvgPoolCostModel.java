package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.spec.AvgPoolSpec;

/**
 * Average (adaptive) pooling, a streaming window kernel ({@link WindowPool}); the window is
 * taken as the map over the output (stride = window). On chip, as in the reference, the map and
 * the output cross once each.
 */
public final class AvgPoolCostModel implements CostModel<AvgPoolSpec> {
    @Override
    public OperatorCost cost(AvgPoolSpec spec, DeviceModel d) {
        if (d.cpuLibraryKernels()) {
            double window = Math.max(1.0, (double) spec.height() / spec.outHeight())
                    * Math.max(1.0, (double) spec.width() / spec.outWidth());
            return WindowPool.cpu(spec.channels(), spec.outHeight(), spec.outWidth(), window, d);
        }
        double in = (double) spec.channels() * spec.height() * spec.width();
        double out = (double) spec.channels() * spec.outHeight() * spec.outWidth();
        return WindowPool.gpu(in, out, in + out, d);
    }
}
