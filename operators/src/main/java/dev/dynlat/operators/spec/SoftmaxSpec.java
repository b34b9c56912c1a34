package dev.dynlat.operators.spec;

/** Softmax over the last dimension of a tensor. */
public record SoftmaxSpec(TensorShape shape) implements OperatorSpec {
    public SoftmaxSpec {
        java.util.Objects.requireNonNull(shape, "shape");
    }

    @Override
    public String kind() {
        return "softmax";
    }

    @Override
    public double macsPerSample() {
        return 0;
    }
}
