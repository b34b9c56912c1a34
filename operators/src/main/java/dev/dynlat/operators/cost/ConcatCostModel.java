package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.spec.ConcatSpec;

/**
 * Channel concatenation: one copy kernel that reads every input once and writes the output
 * ({@link PlainCopy}). In NCHW each input is one contiguous block per sample, so on a CPU the
 * copy is one run per input and sample. The reference has no concat; the laudnet variant costs
 * it in the reference's style of a copy (as its unfold).
 */
public final class ConcatCostModel implements CostModel<ConcatSpec> {
    @Override
    public OperatorCost cost(ConcatSpec spec, DeviceModel d) {
        double out = (double) spec.outChannels() * spec.height() * spec.width();
        if (d.cpuLibraryKernels()) {
            double runs = (double) spec.inputChannels().size() * d.batch();
            return CpuPasses.pass(runs, 2 * out * d.batch(), 0, d);
        }
        return PlainCopy.cost(out, out, 1, d);
    }
}
