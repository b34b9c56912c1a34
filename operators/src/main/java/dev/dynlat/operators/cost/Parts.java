package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.spec.OperatorSpec;

/**
 * Costs the parts of a composite operator (an SE block, a masker, a layer norm) the way
 * {@link CostModels} costs a stand-alone operator, calibrated class efficiency included, so that
 * a kernel costs the same inside a composite as on its own.
 */
final class Parts {
    private Parts() {
    }

    static <S extends OperatorSpec> OperatorCost of(CostModel<S> model, S spec, DeviceModel d) {
        return ClassEfficiency.apply(spec, model.cost(spec, d), d);
    }
}
