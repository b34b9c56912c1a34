package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.spec.Conv2dSpec;
import dev.dynlat.operators.spec.MatmulSpec;

/**
 * A matmul is costed as a 1×1 convolution whose {@code rows} output positions are laid out as a
 * near-square {@code h × w} map (the reference's mapping onto its conv tile search), with the
 * table's conv.
 */
public final class MatmulCostModel implements CostModel<MatmulSpec> {
    private final CostModel<Conv2dSpec> conv;

    public MatmulCostModel(CostModel<Conv2dSpec> conv) {
        this.conv = conv;
    }

    @Override
    public OperatorCost cost(MatmulSpec spec, DeviceModel device) {
        return conv.cost(asConv(spec), device);
    }

    static Conv2dSpec asConv(MatmulSpec spec) {
        long rows = spec.totalRows();
        // Python's round() rounds half to even, as Math.rint does.
        double side = Math.rint(Math.sqrt(rows));
        double other = Math.rint(rows / side);
        if (other > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("rows: " + rows + " is too many to lay out as a map");
        }
        int h = (int) side;
        int w = (int) other;
        return Conv2dSpec.dense(spec.inner(), spec.cols(), h, w, 1, 1, 1);
    }
}
