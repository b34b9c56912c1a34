package dev.dynlat.calibration.model;

import dev.dynlat.operators.spec.OperatorSpec;
import java.util.Objects;

/**
 * A calibration kernel as the analytic model sees it: the operator spec plus the batch size, which
 * the cost models take from the device model rather than from the spec.
 *
 * @param spec  the operator the kernel implements
 * @param batch samples per run (&ge; 1)
 */
public record MappedOperator(OperatorSpec spec, int batch) {
    public MappedOperator {
        Objects.requireNonNull(spec, "spec");
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be >= 1, got " + batch);
        }
    }

    /** Operator class label: the spec's kind, which is also the key of the per-class efficiency. */
    public String operatorClass() {
        return spec.kind();
    }
}
