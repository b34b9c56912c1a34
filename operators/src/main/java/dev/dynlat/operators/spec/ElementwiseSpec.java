package dev.dynlat.operators.spec;

/**
 * A binary elementwise operator over two {@code channels × height × width} tensors per sample:
 * residual add, gating multiply. Reads two operands and writes one, as the reference charges.
 */
public record ElementwiseSpec(BinaryOp op, int channels, long height, int width) implements OperatorSpec {
    public ElementwiseSpec {
        if (op == null) {
            throw new IllegalArgumentException("op: must be add or mul, got null");
        }
        Check.positive("channels", channels);
        Check.positive("height", height);
        Check.positive("width", width);
    }

    /** An elementwise add. */
    public ElementwiseSpec(int channels, long height, int width) {
        this(BinaryOp.ADD, channels, height, width);
    }

    /** The elementwise add view of a tensor: last dim = channels, second-last = width, rest = height. */
    public static ElementwiseSpec ofShape(TensorShape s) {
        return ofShape(BinaryOp.ADD, s);
    }

    /** The elementwise view of a tensor: last dim = channels, second-last = width, rest = height. */
    public static ElementwiseSpec ofShape(BinaryOp op, TensorShape s) {
        if (s.rows() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("shape: " + s.rows() + " rows are more than an elementwise map's width "
                    + "holds (" + Integer.MAX_VALUE + ")");
        }
        return new ElementwiseSpec(op, s.last(), s.outer(), (int) s.rows());
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
