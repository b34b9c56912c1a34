package dev.dynlat.operators.spec;

/**
 * A reduction of {@code channels} independent vectors of {@code height × width} elements each:
 * global average pooling, or a row reduction (max/sum/mean) laid out as a near-square patch.
 */
public record ReduceSpec(long channels, int height, int width) implements OperatorSpec {
    public ReduceSpec {
        Check.positive("channels", channels);
        Check.positive("height", height);
        Check.positive("width", width);
    }

    /** A reduction over the last dimension of {@code shape}, laid out as the reference does. */
    public static ReduceSpec overLast(TensorShape shape) {
        int side = (int) Math.ceil(Math.sqrt(shape.last()));
        return new ReduceSpec(shape.outer() * shape.rows(), side, side);
    }

    @Override
    public String kind() {
        return "reduce";
    }

    @Override
    public double macsPerSample() {
        return 0;
    }
}
