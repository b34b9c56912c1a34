package dev.dynlat.operators.spec;

/**
 * A (batched) matrix product: {@code batches} independent products {@code [rows × inner] · [inner × cols]}.
 * With one batch, {@code rows} is the product of every leading dimension (batch, heads, tokens) that
 * shares the right operand: linear layers of transformers are matmuls with the weight as the right
 * operand. Several batches are products with a right operand of their own each (PyTorch's
 * {@code bmm}); vendor libraries run them as one batched GEMM, which tiles differently from one tall
 * product.
 */
public record MatmulSpec(long batches, long rows, int inner, int cols) implements OperatorSpec {
    public MatmulSpec {
        Check.positive("batches", batches);
        Check.positive("rows", rows);
        Check.positive("inner", inner);
        Check.positive("cols", cols);
    }

    /** One product whose {@code rows} share the right operand. */
    public MatmulSpec(long rows, int inner, int cols) {
        this(1, rows, inner, cols);
    }

    /** Rows of every batch together: the tall product the reference's tile search costs. */
    public long totalRows() {
        return batches * rows;
    }

    @Override
    public String kind() {
        return "matmul";
    }

    @Override
    public double macsPerSample() {
        return (double) batches * rows * inner * cols;
    }
}
