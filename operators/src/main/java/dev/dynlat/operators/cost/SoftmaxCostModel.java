package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.spec.ElementwiseSpec;
import dev.dynlat.operators.spec.ReduceSpec;
import dev.dynlat.operators.spec.SoftmaxSpec;

/** Softmax: max reduction, subtract-exp pass, sum reduction, divide pass, fused in one kernel. */
public final class SoftmaxCostModel implements CostModel<SoftmaxSpec> {
    private final CostModel<ReduceSpec> reduce;
    private final CostModel<ElementwiseSpec> elementwise;

    public SoftmaxCostModel(CostModel<ReduceSpec> reduce, CostModel<ElementwiseSpec> elementwise) {
        this.reduce = reduce;
        this.elementwise = elementwise;
    }

    @Override
    public OperatorCost cost(SoftmaxSpec spec, DeviceModel d) {
        OperatorCost r = Parts.of(reduce, ReduceSpec.overLast(spec.shape()), d);
        OperatorCost e = Parts.of(elementwise, ElementwiseSpec.ofShape(spec.shape()), d);
        return r.plus(e).plus(r).plus(e).withoutLaunches(3, d.launchS());
    }
}
