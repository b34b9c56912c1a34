package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.spec.Conv2dSpec;

/** Dense, grouped, depthwise and channel-skipping convolutions: one kernel, best tiling. */
public final class Conv2dCostModel implements CostModel<Conv2dSpec> {
    @Override
    public OperatorCost cost(Conv2dSpec spec, DeviceModel device) {
        return ConvTileSearch.search(spec, device);
    }
}
