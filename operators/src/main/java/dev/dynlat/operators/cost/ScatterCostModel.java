package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.spec.ScatterSpec;

/**
 * Scatter of active patches into a dense map. Alone it is a pure copy (the table's patch copy,
 * whose short rows waste memory transactions); fused with the residual add it is the table's
 * scatter-add part: the reference's dynamic elementwise kernel tiled over patches with its
 * schedule fixed at the mean active count ({@link LaudnetScatterAdd}), or, calibrated, an
 * elementwise pass over the whole map ({@link DenseScatterAdd}).
 */
public final class ScatterCostModel implements CostModel<ScatterSpec> {
    private final CostTable.PatchCopyKernel patchCopy;
    private final CostTable.Scheduled<ScatterSpec> scatterAdd;

    /** {@code scatterAdd} may memoise its schedules ({@link CostModels} does). */
    public ScatterCostModel(CostTable.PatchCopyKernel patchCopy, CostTable.Scheduled<ScatterSpec> scatterAdd) {
        this.patchCopy = patchCopy;
        this.scatterAdd = scatterAdd;
    }

    @Override
    public OperatorCost cost(ScatterSpec spec, DeviceModel d) {
        if (!spec.addResidual()) {
            return patchCopy.cost(spec.channels(), spec.height(), spec.width(), spec.granularity(), 0,
                    spec.grid().activePatches(spec.density()), d);
        }
        return scatterAdd.cost(spec, d);
    }
}
