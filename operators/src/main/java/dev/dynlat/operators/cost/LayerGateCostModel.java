package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.spec.Conv2dSpec;
import dev.dynlat.operators.spec.LayerGateSpec;
import dev.dynlat.operators.spec.LinearSpec;

/**
 * The gate of a skippable block as a gate really runs it: a global pooling of the block input
 * (the table's global-pool part) and a tiny FC to 2 logits. The calibrated variants' gate; the
 * laudnet variant prices it as the fused masker conv instead ({@link #fusedMaskerConv}).
 */
public final class LayerGateCostModel implements CostModel<LayerGateSpec> {
    private final CostTable.GlobalPool globalPool;
    private final CostModel<LinearSpec> linear;

    public LayerGateCostModel(CostTable.GlobalPool globalPool, CostModel<LinearSpec> linear) {
        this.globalPool = globalPool;
        this.linear = linear;
    }

    @Override
    public OperatorCost cost(LayerGateSpec spec, DeviceModel d) {
        Conv2dSpec c = spec.conv1();
        return globalPool.cost(c.inChannels(), c.inHeight(), c.inWidth(), d)
                .plus(Parts.of(linear, new LinearSpec(c.inChannels(), 2), d));
    }

    /**
     * The reference's gate: the fused masker+conv1 kernel with nothing computed (one read of the
     * block input and, above batch 1, of conv1's weights), as a conv of zero density.
     */
    static Conv2dSpec fusedMaskerConv(LayerGateSpec spec) {
        Conv2dSpec c = spec.conv1();
        return new Conv2dSpec(c.inChannels(), c.outChannels() + 1, c.inHeight(), c.inWidth(), 1, 1, 1, 1, 0, 1);
    }
}
