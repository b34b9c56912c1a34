package dev.dynlat.predictor.importer;

import java.util.Arrays;

/**
 * What the importer knows of one ONNX tensor: its dimensions (batch first, as ONNX writes them) and,
 * for constants small enough to matter to shapes (shape vectors, axes, clip bounds, scalars), their
 * values. Weights keep only their dimensions.
 *
 * @param dims dimensions, every one known
 * @param values element values in row-major order, or null when not a known constant
 */
record Tensor(long[] dims, double[] values) {
    /** Constants up to this many elements keep their values. */
    static final int MAX_VALUES = 1 << 16;

    static Tensor of(long... dims) {
        return new Tensor(dims, null);
    }

    static Tensor constant(long[] dims, double[] values) {
        return new Tensor(dims, values);
    }

    static Tensor vector(long... values) {
        return new Tensor(new long[] {values.length}, Arrays.stream(values).asDoubleStream().toArray());
    }

    boolean isConstant() {
        return values != null;
    }

    int rank() {
        return dims.length;
    }

    long elements() {
        return ShapeRules.product(dims, 0, dims.length);
    }

    long dim(int axis) {
        return dims[axis < 0 ? axis + dims.length : axis];
    }

    long[] longValues() {
        long[] v = new long[values.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = (long) values[i];
        }
        return v;
    }

    /** The single value of a one-element constant. */
    double scalar() {
        return values[0];
    }

    boolean isScalarConstant() {
        return values != null && values.length == 1;
    }

    String describe() {
        return Arrays.toString(dims);
    }
}
