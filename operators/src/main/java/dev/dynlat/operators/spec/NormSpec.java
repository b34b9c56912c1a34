package dev.dynlat.operators.spec;

/** Layer normalisation over the last dimension of a tensor. */
public record NormSpec(TensorShape shape) implements OperatorSpec {
    public NormSpec {
        java.util.Objects.requireNonNull(shape, "shape");
    }

    @Override
    public String kind() {
        return "layernorm";
    }

    @Override
    public double macsPerSample() {
        return 0;
    }
}
