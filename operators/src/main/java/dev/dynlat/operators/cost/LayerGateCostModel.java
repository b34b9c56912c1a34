package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.spec.ReduceSpec;
import dev.dynlat.operators.spec.Conv2dSpec;
import dev.dynlat.operators.spec.LayerGateSpec;
import dev.dynlat.operators.spec.LinearSpec;

/**
 * The gate of a skippable block. The reference charges it as the fused masker+conv1 kernel with
 * nothing computed (one read of the block input and, above batch 1, of conv1's weights). The
 * calibrated variant charges what a gate really runs: a global-pooling reduction and a tiny FC to
 * 2 logits.
 */
public final class LayerGateCostModel implements CostModel<LayerGateSpec> {
    private final ReduceCostModel pool = new ReduceCostModel();
    private final LinearCostModel linear = new LinearCostModel();

    @Override
    public OperatorCost cost(LayerGateSpec spec, DeviceModel d) {
        Conv2dSpec c = spec.conv1();
        if (d.reference()) {
            return ConvTileSearch.search(new Conv2dSpec(c.inChannels(), c.outChannels() + 1, c.inHeight(),
                    c.inWidth(), 1, 1, 1, 1, 0, 1), d);
        }
        return Parts.of(pool, new ReduceSpec(c.inChannels(), c.inHeight(), c.inWidth()), d)
                .plus(Parts.of(linear, new LinearSpec(c.inChannels(), 2), d));
    }
}
