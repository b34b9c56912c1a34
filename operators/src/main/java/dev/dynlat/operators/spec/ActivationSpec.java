package dev.dynlat.operators.spec;

/** A pointwise activation (GELU, ReLU) over a tensor. */
public record ActivationSpec(String function, TensorShape shape) implements OperatorSpec {
    public ActivationSpec {
        java.util.Objects.requireNonNull(function, "function");
        java.util.Objects.requireNonNull(shape, "shape");
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
