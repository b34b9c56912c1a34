package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.BestTiling;
import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.Efficiency;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.spec.BroadcastMulSpec;

/** Channel-wise scaling of a map: each tile reads its pixels and its channels' scales. */
public final class BroadcastMulCostModel implements CostModel<BroadcastMulSpec> {

    /** Best tiling without launch overhead. */
    static BestTiling search(BroadcastMulSpec spec, DeviceModel d) {
        int c = spec.channels();
        int h = spec.height();
        int w = spec.width();
        double dramS = ((double) c * h * w * 2 + c) / d.dramElementsPerS();
        BestTiling best = PointwiseTiles.search(c, h, w, d, (ct, ht, wt, tiles) -> dramS
                + ((double) ct * ht * wt * 2 + ct) * tiles
                / (d.l2ElementsPerS() * Efficiency.coalescing(wt, w - wt, d.transactionElements())));
        return best;
    }

    @Override
    public OperatorCost cost(BroadcastMulSpec spec, DeviceModel d) {
        return CostVariant.of(d).broadcastMul(spec, d);
    }

    static OperatorCost tiled(BroadcastMulSpec spec, DeviceModel d) {
        BestTiling best = search(spec, d);
        double elements = (double) spec.channels() * spec.height() * spec.width();
        return new OperatorCost(best.latencyS() + d.launchS(), best.computeS(), best.memoryS(), d.launchS(),
                best.tiling(), elements * d.batch(), (2 * elements + spec.channels()) * d.batch() * 4);
    }
}
