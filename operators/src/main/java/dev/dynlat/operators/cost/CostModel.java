package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.spec.OperatorSpec;

/**
 * Predicts the cost of one operator kind on a device. Implementations are stateless; caching
 * of tile searches is the caller's business ({@link CostModels}).
 */
public interface CostModel<S extends OperatorSpec> {
    OperatorCost cost(S spec, DeviceModel device);
}
