package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.BestTiling;
import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.Efficiency;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.spec.BroadcastMulSpec;

/** Channel-wise scaling of a map on tiled devices: each tile reads its pixels and its channels' scales. */
final class BroadcastMulTiles {
    private BroadcastMulTiles() {
    }

    /** Best tiling without launch overhead. */
    static BestTiling search(BroadcastMulSpec spec, DeviceModel d, TileOrder order) {
        int c = spec.channels();
        int h = spec.height();
        int w = spec.width();
        double dramS = ((double) c * h * w * 2 + c) / d.dramElementsPerS();
        return PointwiseTiles.search(c, h, w, d, order, (ct, ht, wt, tiles) -> dramS
                + ((double) ct * ht * wt * 2 + ct) * tiles
                / (d.l2ElementsPerS() * Efficiency.coalescing(wt, w - wt, d.transactionElements())));
    }

    static OperatorCost cost(BroadcastMulSpec spec, DeviceModel d, TileOrder order) {
        BestTiling best = search(spec, d, order);
        double elements = (double) spec.channels() * spec.height() * spec.width();
        return new OperatorCost(best.latencyS() + d.launchS(), best.computeS(), best.memoryS(), d.launchS(),
                best.tiling(), elements * d.batch(), (2 * elements + spec.channels()) * d.batch() * 4);
    }
}
