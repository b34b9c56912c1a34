package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.spec.ElementwiseSpec;
import dev.dynlat.operators.spec.NormSpec;
import dev.dynlat.operators.spec.ReduceSpec;

/** Layer norm: mean and variance reductions, normalise and affine passes, fused in one kernel. */
public final class NormCostModel implements CostModel<NormSpec> {
    private final CostModel<ReduceSpec> reduce;
    private final CostModel<ElementwiseSpec> elementwise;

    public NormCostModel(CostModel<ReduceSpec> reduce, CostModel<ElementwiseSpec> elementwise) {
        this.reduce = reduce;
        this.elementwise = elementwise;
    }

    @Override
    public OperatorCost cost(NormSpec spec, DeviceModel d) {
        OperatorCost r = Parts.of(reduce, ReduceSpec.overLast(spec.shape()), d);
        OperatorCost e = Parts.of(elementwise, ElementwiseSpec.ofShape(spec.shape()), d);
        return r.plus(r).plus(e).plus(e).withoutLaunches(3, d.launchS());
    }
}
