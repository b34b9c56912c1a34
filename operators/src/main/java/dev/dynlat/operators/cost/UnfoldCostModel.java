package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.spec.UnfoldSpec;

/** Unfolding is a copy: read the input once from DRAM, write the (larger) output. */
public final class UnfoldCostModel implements CostModel<UnfoldSpec> {
    @Override
    public OperatorCost cost(UnfoldSpec spec, DeviceModel d) {
        return PlainCopy.cost(spec.inElements(), spec.outElements(), 1, d);
    }
}
