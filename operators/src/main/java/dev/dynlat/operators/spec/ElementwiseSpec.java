package dev.dynlat.operators.spec;

/**
 * An elementwise operator over a {@code channels × height × width} tensor per sample: residual
 * add, activation (GELU), scale. Reads two operands and writes one, as the reference charges.
 */
public record ElementwiseSpec(int channels, long height, int width) implements OperatorSpec {
    public ElementwiseSpec {
        Check.positive("channels", channels);
        Check.positive("height", height);
        Check.positive("width", width);
    }

    /** The elementwise view of a tensor: last dim = channels, second-last = width, rest = height. */
    public static ElementwiseSpec ofShape(TensorShape s) {
        return new ElementwiseSpec(s.last(), s.outer(), (int) s.rows());
    }

    @Override
    public String kind() {
        return "elementwise";
    }

    @Override
    public double macsPerSample() {
        return 0;
    }
}
