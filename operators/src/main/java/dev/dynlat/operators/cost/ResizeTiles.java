package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.BestTiling;
import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.Efficiency;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.spec.ResizeSpec;

/**
 * Bilinear resizing: a pointwise kernel over the output ({@link PointwiseTiles}) whose every
 * output reads 4 input pixels on chip; input and output cross DRAM once. The reference has no
 * resize; both tiled variants cost it in the reference's style of its pointwise kernels.
 */
final class ResizeTiles {
    /** Input pixels one bilinear output reads. */
    static final int TAPS = 4;

    private ResizeTiles() {
    }

    static OperatorCost cost(ResizeSpec spec, DeviceModel d, TileOrder order) {
        double in = (double) spec.channels() * spec.height() * spec.width();
        double out = (double) spec.channels() * spec.outHeight() * spec.outWidth();
        double dramS = (in + out) / d.dramElementsPerS();
        int w = spec.outWidth();
        BestTiling best = PointwiseTiles.search(spec.channels(), spec.outHeight(), w, d, order,
                (ct, ht, wt, tiles) -> dramS + (TAPS + 1.0) * ct * ht * wt * tiles
                        / (d.l2ElementsPerS() * Efficiency.coalescing(wt, w - wt, d.transactionElements())));
        return new OperatorCost(best.latencyS() + d.launchS(), best.computeS(), best.memoryS(), d.launchS(),
                best.tiling(), 0, (in + out) * d.batch() * 4);
    }
}
