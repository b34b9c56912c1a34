package dev.dynlat.predictor.execution;

/**
 * A logical tensor of a program being built, NCHW ({@code n} images or patches).
 *
 * @param id index in its {@link TensorPlan}
 */
record Tensor(int id, int n, int c, int h, int w) {
    long length() {
        return (long) n * c * h * w;
    }

    @Override
    public String toString() {
        return n + "x" + c + "x" + h + "x" + w;
    }
}
