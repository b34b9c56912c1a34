package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.BestTiling;
import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.Efficiency;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.model.TileSpace;
import dev.dynlat.operators.spec.ElementwiseSpec;

/**
 * Elementwise kernels (residual add, activation): two operands in, one out. As in the reference,
 * every tile's traffic is charged at DRAM bandwidth (there is no reuse to exploit on chip).
 */
public final class ElementwiseCostModel implements CostModel<ElementwiseSpec> {
    @Override
    public OperatorCost cost(ElementwiseSpec spec, DeviceModel d) {
        return cost(spec, d, 2);
    }

    /**
     * An elementwise pass that reads {@code operandReads} full-size operands (fractions allowed:
     * a scatter-add reads the residual fully and the patches only where active) and writes one.
     */
    static OperatorCost cost(ElementwiseSpec spec, DeviceModel d, double operandReads) {
        if (d.cpuLibraryKernels()) {
            double elements = (double) spec.channels() * spec.height() * spec.width() * d.batch();
            return CpuPasses.pass(0, (operandReads + 1) * elements, 0, d);
        }
        int c = spec.channels();
        int h = Math.toIntExact(spec.height());
        int w = spec.width();
        int batch = d.batch();
        double passes = operandReads + 1;
        BestTiling best = new BestTiling();
        for (int ct : TileSpace.of(c)) {
            long nC = Efficiency.ceilDiv(c, ct);
            for (int ht : TileSpace.of(h)) {
                long nH = Efficiency.ceilDiv(h, ht);
                for (int wt : TileSpace.of(w)) {
                    long tiles = nC * nH * Efficiency.ceilDiv(w, wt);
                    double tileSize = (double) ct * ht * wt;
                    double memory = passes * tileSize / d.dramElementsPerS() * tiles;
                    double laneUse = Efficiency.ceilEfficiency(tileSize, d.peakParallelism());
                    double compute = d.macSeconds(tileSize) / laneUse * d.waves(tiles);
                    if (batch > 1) {
                        memory *= batch;
                        compute *= batch;
                    }
                    best.offer(d.mode().combine(compute, memory), compute, memory, ct, ht, wt, 1, tiles);
                }
            }
        }
        double elements = (double) c * h * w * batch;
        return new OperatorCost(best.latencyS() + d.launchS(), best.computeS(), best.memoryS(), d.launchS(),
                best.tiling(), 0, passes * elements * 4);
    }
}
