package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.model.Tiling;
import dev.dynlat.operators.spec.ElementwiseSpec;
import dev.dynlat.operators.spec.ScatterSpec;

/**
 * The calibrated fused scatter-add: every output pixel is written (residual, plus the patch where
 * active), so it is an elementwise pass over the map that reads the residual fully and the
 * patches in proportion to the active area. At rate 1 it costs exactly the dense residual add.
 * Nothing is scheduled.
 */
final class DenseScatterAdd implements CostTable.Scheduled<ScatterSpec> {
    private final CostTable.ElementwisePass pass;

    DenseScatterAdd(CostTable.ElementwisePass pass) {
        this.pass = pass;
    }

    @Override
    public Tiling schedule(ScatterSpec spec, DeviceModel d) {
        return Tiling.NONE;
    }

    @Override
    public OperatorCost evaluate(ScatterSpec spec, Tiling schedule, DeviceModel d) {
        double area = (double) spec.height() * spec.width();
        double s = spec.granularity();
        double active = Math.min(1, spec.grid().activePatches(spec.density()) * s * s / area);
        return pass.cost(new ElementwiseSpec(spec.channels(), spec.height(), spec.width()), 1 + active, d);
    }
}
