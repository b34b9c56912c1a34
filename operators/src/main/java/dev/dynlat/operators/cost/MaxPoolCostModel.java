package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.spec.MaxPoolSpec;

/**
 * Max pooling, a streaming window kernel ({@link WindowPool}): every output reads its
 * {@code kernel²} window on chip. The reference has no max-pool kernel (it prices the stem's
 * pooling as an average pool); the laudnet variant costs it in the reference's style, as the
 * average pool's DRAM traffic plus the window reads.
 */
public final class MaxPoolCostModel implements CostModel<MaxPoolSpec> {
    @Override
    public OperatorCost cost(MaxPoolSpec spec, DeviceModel d) {
        return CostVariant.of(d).maxPool(spec, d);
    }

    static OperatorCost streaming(MaxPoolSpec spec, DeviceModel d) {
        double taps = (double) spec.kernel() * spec.kernel();
        double in = (double) spec.channels() * spec.height() * spec.width();
        double out = (double) spec.channels() * spec.outHeight() * spec.outWidth();
        return WindowPool.gpu(in, out, out * taps + out, d);
    }
}
