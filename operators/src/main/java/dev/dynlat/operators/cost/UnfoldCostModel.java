package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.model.Tiling;
import dev.dynlat.operators.spec.UnfoldSpec;

/** Unfolding is a copy: read the input once from DRAM, write the (larger) output. */
public final class UnfoldCostModel implements CostModel<UnfoldSpec> {
    @Override
    public OperatorCost cost(UnfoldSpec spec, DeviceModel d) {
        double in = spec.inElements();
        double out = spec.outElements();
        double memory = ((in + out) / d.dramElementsPerS() + 2 * out / d.l2ElementsPerS()) * d.batch();
        return new OperatorCost(memory + d.launchS(), 0, memory, d.launchS(), Tiling.NONE, 0,
                (in + out) * d.batch() * 4);
    }
}
