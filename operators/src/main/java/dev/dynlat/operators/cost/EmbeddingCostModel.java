package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.spec.EmbeddingSpec;

/**
 * A token embedding is a gather: the ids and the selected table rows are read, the rows written;
 * the table itself is never streamed whole. Rows are contiguous runs of {@code width} elements, so
 * the copy is costed as a contiguous one. The same in every variant (the reference has no
 * embedding); kept self-contained so that a rewrite of the variants can take it as it is.
 */
public final class EmbeddingCostModel implements CostModel<EmbeddingSpec> {
    @Override
    public OperatorCost cost(EmbeddingSpec spec, DeviceModel d) {
        double rows = (double) spec.rows() * spec.width();
        return PlainCopy.cost(rows + spec.rows(), rows, 1, d);
    }
}
