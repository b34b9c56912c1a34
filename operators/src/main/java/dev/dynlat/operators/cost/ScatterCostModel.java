package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.model.Tiling;
import dev.dynlat.operators.spec.ElementwiseSpec;
import dev.dynlat.operators.spec.ScatterSpec;

/**
 * Scatter of active patches into a dense map. Alone it is a pure copy whose short rows waste
 * memory transactions ({@link PatchCopy}); fused with the residual add it is priced by the
 * variant: the reference's dynamic elementwise kernel tiled over patches with its schedule fixed
 * at the mean active count ({@link LaudnetScatterAdd}), or, calibrated, an elementwise pass over
 * the whole map ({@link #denseScatterAdd}).
 */
public final class ScatterCostModel implements CostModel<ScatterSpec> {

    @Override
    public OperatorCost cost(ScatterSpec spec, DeviceModel d) {
        if (!spec.addResidual()) {
            return PatchCopy.cost(spec.channels(), spec.height(), spec.width(), spec.granularity(), 0,
                    spec.grid().activePatches(spec.density()), d);
        }
        return evaluate(spec, schedule(spec, d), d);
    }

    /**
     * The calibrated scatter-add on a tiled device: every output pixel is written (residual, plus
     * the patch where active), so it is an elementwise pass over the map that reads the residual
     * fully and the patches in proportion to the active area. At rate 1 it costs exactly the dense
     * residual add.
     */
    static OperatorCost denseScatterAdd(ScatterSpec spec, DeviceModel d) {
        double area = (double) spec.height() * spec.width();
        double s = spec.granularity();
        double active = Math.min(1, spec.grid().activePatches(spec.density()) * s * s / area);
        return ElementwiseCostModel.cost(new ElementwiseSpec(spec.channels(), spec.height(), spec.width()), d,
                1 + active);
    }

    /** The rate-independent schedule of the fused scatter-add ({@link Tiling#NONE} where none is searched). */
    public Tiling schedule(ScatterSpec spec, DeviceModel d) {
        return CostVariant.of(d).scatterAddSchedule(spec, d);
    }

    /** The fused scatter-add at its rate under a schedule from {@link #schedule}. */
    public OperatorCost evaluate(ScatterSpec spec, Tiling t, DeviceModel d) {
        return CostVariant.of(d).scatterAdd(spec, t, d);
    }
}
