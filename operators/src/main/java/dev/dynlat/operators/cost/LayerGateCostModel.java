package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.spec.Conv2dSpec;
import dev.dynlat.operators.spec.LayerGateSpec;
import dev.dynlat.operators.spec.LinearSpec;

/**
 * The gate of a skippable block, as the variant prices it: the reference as the fused masker
 * conv with nothing computed ({@link LaudnetVariant#layerGate}); the calibrated variants as what
 * a gate really runs ({@link #poolAndFc}).
 */
public final class LayerGateCostModel implements CostModel<LayerGateSpec> {
    private static final LinearCostModel LINEAR = new LinearCostModel();

    @Override
    public OperatorCost cost(LayerGateSpec spec, DeviceModel d) {
        return CostVariant.of(d).layerGate(spec, d);
    }

    /** A global-pooling reduction of the block input and a tiny FC to 2 logits. */
    static OperatorCost poolAndFc(LayerGateSpec spec, DeviceModel d) {
        Conv2dSpec c = spec.conv1();
        return ReduceCostModel.globalPool(c.inChannels(), c.inHeight(), c.inWidth(), d)
                .plus(Parts.of(LINEAR, new LinearSpec(c.inChannels(), 2), d));
    }
}
