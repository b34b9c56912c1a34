package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.spec.GatherSpec;

/** A standalone gather kernel (with halo), the table's patch copy; used when the gather is not fused into the conv. */
public final class GatherCostModel implements CostModel<GatherSpec> {
    private final CostTable.PatchCopyKernel patchCopy;

    public GatherCostModel(CostTable.PatchCopyKernel patchCopy) {
        this.patchCopy = patchCopy;
    }

    @Override
    public OperatorCost cost(GatherSpec spec, DeviceModel d) {
        return patchCopy.cost(spec.channels(), spec.height(), spec.width(), spec.granularity(), spec.halo(),
                spec.grid().activePatches(spec.density()), d);
    }
}
