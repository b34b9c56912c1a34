package dev.dynlat.predictor.workload;

import dev.dynlat.operators.spec.OperatorSpec;

/**
 * One operator as a block uses it: its spec, its role, and its expected executions per
 * inference ({@code weight}: 1 normally, the run probability under a gate or after an exit).
 * {@code batchInShape} marks specs whose shape already carries the batch (transformer operators,
 * laid out as the reference's AdaViT simulation does); they are costed on the device at batch 1.
 */
public record OperatorUse(String name, Role role, OperatorSpec spec, double weight, boolean batchInShape) {
    public OperatorUse(String name, Role role, OperatorSpec spec, double weight) {
        this(name, role, spec, weight, false);
    }

    public static OperatorUse once(String name, Role role, OperatorSpec spec) {
        return new OperatorUse(name, role, spec, 1);
    }

    /** An operator whose spec carries the batch in its shape. */
    public static OperatorUse folded(String name, Role role, OperatorSpec spec, double weight) {
        return new OperatorUse(name, role, spec, weight, true);
    }

    /** The same use, run with probability {@code p} times as often. */
    public OperatorUse times(double p) {
        return p == 1 ? this : new OperatorUse(name, role, spec, weight * p, batchInShape);
    }
}
