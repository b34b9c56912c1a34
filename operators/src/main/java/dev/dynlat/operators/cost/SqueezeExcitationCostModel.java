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
 * form the pooling reads only the active patches, priced by the table's dynamic-pool part ({@link
 * LaudnetSePool} for the reference, {@link #activeRowsPool} for the calibrated variants). The
 * static pooling and the scaling are the tiled reduction and channel-wise scaling searches on
 * every variant, their candidates in the table's tile order.
 */
public final class SqueezeExcitationCostModel implements CostModel<SqueezeExcitationSpec> {
    private final CostModel<LinearSpec> linear;
    private final TileOrder order;
    private final CostModel<SqueezeExcitationSpec> dynamicPool;

    public SqueezeExcitationCostModel(CostModel<LinearSpec> linear, TileOrder order,
                                      CostModel<SqueezeExcitationSpec> dynamicPool) {
        this.linear = linear;
        this.order = order;
        this.dynamicPool = dynamicPool;
    }

    @Override
    public OperatorCost cost(SqueezeExcitationSpec spec, DeviceModel d) {
        int c = spec.channels();
        OperatorCost fc1 = Parts.of(linear, new LinearSpec(c, spec.squeeze()), d);
        OperatorCost fc2 = Parts.of(linear, new LinearSpec(spec.squeeze(), c), d);
        BestTiling mul = BroadcastMulTiles.search(new BroadcastMulSpec(c, spec.height(), spec.width()), d, order);
        OperatorCost pool = spec.dynamic() ? dynamicPool.cost(spec, d) : staticPool(spec, d);
        OperatorCost scale = new OperatorCost(mul.latencyS() + d.launchS(), mul.computeS(), mul.memoryS(),
                d.launchS(), mul.tiling(), 0, 0);
        OperatorCost total = pool.plus(fc1).plus(fc2).plus(scale);
        return new OperatorCost(total.latencyS(), total.computeS(), total.memoryS(), total.launchS(), pool.tiling(),
                spec.macsPerSample() * d.batch() + (double) c * spec.height() * spec.width() * d.batch(),
                fc1.dramBytes() + fc2.dramBytes() + 4.0 * (3.0 * c * spec.height() * spec.width()) * d.batch());
    }

    private static OperatorCost staticPool(SqueezeExcitationSpec spec, DeviceModel d) {
        BestTiling b = ReduceTiles.search(new ReduceSpec(spec.channels(), spec.height(), spec.width()), d);
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
        BestTiling b = ReduceTiles.search(new ReduceSpec(spec.channels(), rows, spec.width()), d);
        return new OperatorCost(b.latencyS() + d.launchS(), b.computeS(), b.memoryS(), d.launchS(), b.tiling(), 0, 0);
    }
}
