package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.spec.AvgPoolSpec;

/**
 * Average (adaptive) pooling, a streaming window kernel ({@link WindowPool}). On chip, as in the
 * reference, the map and the output cross once each.
 */
public final class AvgPoolCostModel implements CostModel<AvgPoolSpec> {
    static final AvgPoolCostModel INSTANCE = new AvgPoolCostModel();

    @Override
    public OperatorCost cost(AvgPoolSpec spec, DeviceModel d) {
        return CostVariant.of(d).avgPool(spec, d);
    }

    static OperatorCost streaming(AvgPoolSpec spec, DeviceModel d) {
        double in = (double) spec.channels() * spec.height() * spec.width();
        double out = (double) spec.channels() * spec.outHeight() * spec.outWidth();
        return WindowPool.gpu(in, out, in + out, d);
    }
}
