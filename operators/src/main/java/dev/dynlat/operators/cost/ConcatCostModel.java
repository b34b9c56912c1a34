package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.spec.ConcatSpec;

/**
 * Channel concatenation: one copy kernel that reads every input once and writes the output
 * ({@link PlainCopy}). The reference has no concat; the laudnet variant costs it in the
 * reference's style of a copy (as its unfold).
 */
public final class ConcatCostModel implements CostModel<ConcatSpec> {
    @Override
    public OperatorCost cost(ConcatSpec spec, DeviceModel d) {
        return CostVariant.of(d).concat(spec, d);
    }

    static OperatorCost streaming(ConcatSpec spec, DeviceModel d) {
        double out = (double) spec.outChannels() * spec.height() * spec.width();
        return PlainCopy.cost(out, out, 1, d);
    }
}
