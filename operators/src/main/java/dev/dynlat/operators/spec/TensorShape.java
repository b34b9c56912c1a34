package dev.dynlat.operators.spec;

/**
 * A tensor of rank ≥ 2 seen as {@code outer × rows × last}: {@code outer} is the product of every
 * dimension before the last two (1 for rank 2). Transformer operators are described this way.
 */
public record TensorShape(long outer, long rows, int last) {
    public TensorShape {
        Check.positive("outer", outer);
        Check.positive("rows", rows);
        Check.positive("last", last);
    }

    public static TensorShape of(long... dims) {
        if (dims.length < 2) {
            throw new IllegalArgumentException("shape: rank must be at least 2, got " + dims.length);
        }
        long outer = 1;
        for (int i = 0; i < dims.length; i++) {
            Check.positive("shape[" + i + "]", dims[i]);
        }
        for (int i = 0; i < dims.length - 2; i++) {
            outer *= dims[i];
        }
        return new TensorShape(outer, dims[dims.length - 2], Math.toIntExact(dims[dims.length - 1]));
    }

    public long elements() {
        return outer * rows * last;
    }
}
