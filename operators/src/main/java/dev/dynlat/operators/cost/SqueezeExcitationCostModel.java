package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.BestTiling;
import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.model.Tiling;
import dev.dynlat.operators.spec.BroadcastMulSpec;
import dev.dynlat.operators.spec.LinearSpec;
import dev.dynlat.operators.spec.PatchGrid;
import dev.dynlat.operators.spec.ReduceSpec;
import dev.dynlat.operators.spec.SqueezeExcitationSpec;

/**
 * Squeeze-and-excitation as four kernels: pooling, two FCs, channel-wise scaling. In its dynamic
 * form the pooling reads only the active patches, as the variant prices it ({@link
 * LaudnetSePool} for the reference, {@link #activeRowsPool} for the calibrated variants).
 */
public final class SqueezeExcitationCostModel implements CostModel<SqueezeExcitationSpec> {
    private final LinearCostModel linear = new LinearCostModel();

    @Override
    public OperatorCost cost(SqueezeExcitationSpec spec, DeviceModel d) {
        int c = spec.channels();
        OperatorCost fc1 = Parts.of(linear, new LinearSpec(c, spec.squeeze()), d);
        OperatorCost fc2 = Parts.of(linear, new LinearSpec(spec.squeeze(), c), d);
        BestTiling mul = BroadcastMulCostModel.search(new BroadcastMulSpec(c, spec.height(), spec.width()), d);
        OperatorCost pool = spec.dynamic() ? CostVariant.of(d).dynamicSePool(spec, d) : staticPool(spec, d);
        OperatorCost scale = new OperatorCost(mul.latencyS() + d.launchS(), mul.computeS(), mul.memoryS(),
                d.launchS(), mul.tiling(), 0, 0);
        OperatorCost total = pool.plus(fc1).plus(fc2).plus(scale);
        return new OperatorCost(total.latencyS(), total.computeS(), total.memoryS(), total.launchS(), pool.tiling(),
                spec.macsPerSample() * d.batch() + (double) c * spec.height() * spec.width() * d.batch(),
                fc1.dramBytes() + fc2.dramBytes() + 4.0 * (3.0 * c * spec.height() * spec.width()) * d.batch());
    }

    private static OperatorCost staticPool(SqueezeExcitationSpec spec, DeviceModel d) {
        BestTiling b = ReduceCostModel.search(new ReduceSpec(spec.channels(), spec.height(), spec.width()), d);
        return new OperatorCost(b.latencyS() + d.launchS(), b.computeS(), b.memoryS(), d.launchS(), b.tiling(), 0, 0);
    }

    /**
     * The calibrated dynamic pooling: the same reduction as the dense SE over only the active
     * pixels (taken as whole rows of the map), so it never undercuts the dense pooling at rate 1.
     */
    static OperatorCost activeRowsPool(SqueezeExcitationSpec spec, DeviceModel d) {
        int s = spec.granularity();
        double area = (double) spec.height() * spec.width();
        double active = Math.min(area, new PatchGrid(spec.height(), spec.width(), s).activePatches(spec.density())
                * (double) s * s);
        int rows = (int) Math.ceil(active / spec.width());
        if (rows == 0) {
            return new OperatorCost(d.launchS(), 0, 0, d.launchS(), Tiling.NONE, 0, 0);
        }
        BestTiling b = ReduceCostModel.search(new ReduceSpec(spec.channels(), rows, spec.width()), d);
        return new OperatorCost(b.latencyS() + d.launchS(), b.computeS(), b.memoryS(), d.launchS(), b.tiling(), 0, 0);
    }
}
