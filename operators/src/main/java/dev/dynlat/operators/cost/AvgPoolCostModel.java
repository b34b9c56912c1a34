package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.model.Tiling;
import dev.dynlat.operators.spec.AvgPoolSpec;

/** Pooling is pure streaming: its few additions hide under the memory traffic. */
public final class AvgPoolCostModel implements CostModel<AvgPoolSpec> {
    @Override
    public OperatorCost cost(AvgPoolSpec spec, DeviceModel d) {
        if (d.cpuLibraryKernels()) {
            double planes = (double) spec.channels() * d.batch();
            double out = (double) spec.outHeight() * spec.outWidth();
            // The library walks, for every output row and every tap of its window, one strided run
            // over the output row; the window is taken as the map over the output (stride = window).
            double window = Math.max(1.0, (double) spec.height() / spec.outHeight())
                    * Math.max(1.0, (double) spec.width() / spec.outWidth());
            return CpuPasses.pass(planes * spec.outHeight() * window, planes * out * (window + 2), 0, d);
        }
        double in = (double) spec.channels() * spec.height() * spec.width();
        double out = (double) spec.channels() * spec.outHeight() * spec.outWidth();
        double onChip = in + out;
        double memory = (in + out) / d.dramElementsPerS() * d.batch() + onChip * d.batch() / d.l2ElementsPerS();
        return new OperatorCost(memory + d.launchS(), 0, memory, d.launchS(), Tiling.NONE, 0,
                (in + out) * d.batch() * 4);
    }
}
