package dev.dynlat.operators.spec;

/**
 * A (batched) matrix product {@code [rows × inner] · [inner × cols]}, where {@code rows} is the
 * product of every leading dimension (batch, heads, tokens). Linear layers of transformers are
 * matmuls with the weight as the right operand.
 */
public record MatmulSpec(long rows, int inner, int cols) implements OperatorSpec {
    public MatmulSpec {
        Check.positive("rows", rows);
        Check.positive("inner", inner);
        Check.positive("cols", cols);
    }

    @Override
    public String kind() {
        return "matmul";
    }

    @Override
    public double macsPerSample() {
        return (double) rows * inner * cols;
    }
}
