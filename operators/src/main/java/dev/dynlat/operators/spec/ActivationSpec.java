package dev.dynlat.operators.spec;

/**
 * A pointwise activation over a tensor: one read and one write per element. Every function
 * costs the same pass; the function is kept for the operator list and for calibration.
 */
public record ActivationSpec(ActivationFunction function, TensorShape shape) implements OperatorSpec {
    public ActivationSpec {
        if (function == null) {
            throw new IllegalArgumentException("function: must be one of " + ActivationFunction.validIds()
                    + ", got null");
        }
        if (shape == null) {
            throw new IllegalArgumentException("shape: must be given, got null");
        }
    }

    @Override
    public String kind() {
        return "activation";
    }

    @Override
    public double macsPerSample() {
        return 0;
    }
}
