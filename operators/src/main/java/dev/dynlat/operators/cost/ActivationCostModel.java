package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.spec.ActivationSpec;
import dev.dynlat.operators.spec.ElementwiseSpec;

/** Pointwise activations cost what an elementwise pass over the tensor costs (the table's elementwise kernel). */
public final class ActivationCostModel implements CostModel<ActivationSpec> {
    private final CostModel<ElementwiseSpec> elementwise;

    public ActivationCostModel(CostModel<ElementwiseSpec> elementwise) {
        this.elementwise = elementwise;
    }

    @Override
    public OperatorCost cost(ActivationSpec spec, DeviceModel d) {
        return Parts.of(elementwise, ElementwiseSpec.ofShape(spec.shape()), d);
    }
}
