package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.spec.GatherSpec;

/** A standalone gather kernel (with halo) — used when the gather is not fused into the conv. */
public final class GatherCostModel implements CostModel<GatherSpec> {
    @Override
    public OperatorCost cost(GatherSpec spec, DeviceModel d) {
        return PatchCopy.cost(spec.channels(), spec.height(), spec.width(), spec.granularity(), spec.halo(),
                spec.grid().activePatches(spec.density()), d);
    }
}
