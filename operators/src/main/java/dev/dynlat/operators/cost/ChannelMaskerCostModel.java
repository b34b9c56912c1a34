package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.spec.AvgPoolSpec;
import dev.dynlat.operators.spec.ChannelMaskerSpec;
import dev.dynlat.operators.spec.LinearSpec;
import dev.dynlat.operators.spec.ReduceSpec;

/** Channel masker: global pooling then one or two small FCs; free when there is one group. */
public final class ChannelMaskerCostModel implements CostModel<ChannelMaskerSpec> {
    private final AvgPoolCostModel pool = new AvgPoolCostModel();
    private final ReduceCostModel reduce = new ReduceCostModel();
    private final LinearCostModel linear = new LinearCostModel();

    @Override
    public OperatorCost cost(ChannelMaskerSpec spec, DeviceModel d) {
        if (spec.groups() == 1) {
            return OperatorCost.ZERO;
        }
        // The reference prices the pooling as a plain average pool; a global pooling is a reduction.
        OperatorCost cost = d.reference()
                ? Parts.of(pool, new AvgPoolSpec(spec.inChannels(), spec.height(), spec.width(), 1, 1), d)
                : Parts.of(reduce, new ReduceSpec(spec.inChannels(), spec.height(), spec.width()), d);
        if (spec.hidden() > 0) {
            cost = cost.plus(Parts.of(linear, new LinearSpec(spec.inChannels(), spec.hidden()), d))
                    .plus(Parts.of(linear, new LinearSpec(spec.hidden(), spec.groups()), d));
        } else {
            cost = cost.plus(Parts.of(linear, new LinearSpec(spec.inChannels(), spec.groups()), d));
        }
        return cost;
    }
}
