package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.BestTiling;
import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.spec.ElementwiseSpec;

/**
 * Elementwise kernels (residual add, gating multiply) on tiled devices: as in the reference,
 * every tile's traffic is charged at DRAM bandwidth (there is no reuse to exploit on chip).
 */
final class ElementwiseTiles {
    private ElementwiseTiles() {
    }

    /**
     * An elementwise pass that reads {@code operandReads} full-size operands (fractions allowed:
     * a scatter-add reads the residual fully and the patches only where active) and writes one.
     */
    static OperatorCost cost(ElementwiseSpec spec, double operandReads, DeviceModel d, TileOrder order) {
        int c = spec.channels();
        long h = spec.height();
        int w = spec.width();
        int batch = d.batch();
        double passes = operandReads + 1;
        BestTiling best = PointwiseTiles.search(c, h, w, d, order,
                (ct, ht, wt, tiles) -> passes * ct * ht * wt / d.dramElementsPerS() * tiles);
        double elements = (double) c * h * w * batch;
        return new OperatorCost(best.latencyS() + d.launchS(), best.computeS(), best.memoryS(), d.launchS(),
                best.tiling(), 0, passes * elements * 4);
    }
}
