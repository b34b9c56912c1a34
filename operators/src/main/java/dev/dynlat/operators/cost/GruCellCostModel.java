package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.spec.BinaryOp;
import dev.dynlat.operators.spec.ElementwiseSpec;
import dev.dynlat.operators.spec.GruCellSpec;
import dev.dynlat.operators.spec.LinearSpec;

/**
 * One GRU step as a cuDNN-style cell runs it: the input and the hidden projections as two
 * fully connected layers at the batch (each to the 3 gates), then one fused pointwise kernel for
 * the gate arithmetic, which reads both projections (3 gates each) and the old state and writes
 * the new state. The reference has no GRU; every variant costs it from its own FC and
 * elementwise kernels.
 */
public final class GruCellCostModel implements CostModel<GruCellSpec> {
    /** Operands the gate kernel reads per hidden unit: 3 input gates, 3 hidden gates, the old state. */
    static final int GATE_READS = 7;

    private final CostModel<LinearSpec> linear;
    private final CostTable.ElementwisePass pass;

    public GruCellCostModel(CostModel<LinearSpec> linear, CostTable.ElementwisePass pass) {
        this.linear = linear;
        this.pass = pass;
    }

    @Override
    public OperatorCost cost(GruCellSpec spec, DeviceModel d) {
        int gates = 3 * spec.hiddenSize();
        ElementwiseSpec gateMath = new ElementwiseSpec(BinaryOp.MUL, spec.hiddenSize(), 1, 1);
        return Parts.of(linear, new LinearSpec(spec.inputSize(), gates), d)
                .plus(Parts.of(linear, new LinearSpec(spec.hiddenSize(), gates), d))
                .plus(ClassEfficiency.apply(gateMath, pass.cost(gateMath, GATE_READS, d), d));
    }
}
