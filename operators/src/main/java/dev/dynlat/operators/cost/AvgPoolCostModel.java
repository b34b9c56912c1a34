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
            double in = (double) spec.height() * spec.width();
            double out = (double) spec.outHeight() * spec.outWidth();
            // Every input row of every output row's window is a run.
            return CpuPasses.pass(planes * spec.height(), planes * (in + 2 * out), 0, d);
        }
        double in = (double) spec.channels() * spec.height() * spec.width();
        double out = (double) spec.channels() * spec.outHeight() * spec.outWidth();
        double onChip = in + out;
        double memory = (in + out) / d.dramElementsPerS() * d.batch() + onChip * d.batch() / d.l2ElementsPerS();
        return new OperatorCost(memory + d.launchS(), 0, memory, d.launchS(), Tiling.NONE, 0,
                (in + out) * d.batch() * 4);
    }
}
