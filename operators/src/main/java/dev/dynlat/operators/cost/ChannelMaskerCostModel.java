package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.spec.ChannelMaskerSpec;
import dev.dynlat.operators.spec.LinearSpec;

/**
 * Channel masker: global pooling (the table's global-pool part) then one or two small FCs; free
 * when there is one group.
 */
public final class ChannelMaskerCostModel implements CostModel<ChannelMaskerSpec> {
    private final CostTable.GlobalPool globalPool;
    private final CostModel<LinearSpec> linear;

    public ChannelMaskerCostModel(CostTable.GlobalPool globalPool, CostModel<LinearSpec> linear) {
        this.globalPool = globalPool;
        this.linear = linear;
    }

    @Override
    public OperatorCost cost(ChannelMaskerSpec spec, DeviceModel d) {
        if (spec.groups() == 1) {
            return OperatorCost.ZERO;
        }
        OperatorCost cost = globalPool.cost(spec.inChannels(), spec.height(), spec.width(), d);
        if (spec.hidden() > 0) {
            cost = cost.plus(Parts.of(linear, new LinearSpec(spec.inChannels(), spec.hidden()), d))
                    .plus(Parts.of(linear, new LinearSpec(spec.hidden(), spec.groups()), d));
        } else {
            cost = cost.plus(Parts.of(linear, new LinearSpec(spec.inChannels(), spec.groups()), d));
        }
        return cost;
    }
}
