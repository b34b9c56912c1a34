package dev.dynlat.operators.spec;

/**
 * A binary elementwise operator over {@code channels × height × width} tensors per sample: residual
 * add, gating multiply, or a tensor with a scalar ({@code x * 0.5}). {@code tensorOperands} is how
 * many of the two operands are full tensors read from memory: 2 for two tensors (as the reference
 * charges every residual add), 1 when the other operand is a scalar, which reads no tensor.
 */
public record ElementwiseSpec(BinaryOp op, int channels, long height, int width, int tensorOperands)
        implements OperatorSpec {
    public ElementwiseSpec {
        if (op == null) {
            throw new IllegalArgumentException("op: must be add, mul, div or pow, got null");
        }
        Check.positive("channels", channels);
        Check.positive("height", height);
        Check.positive("width", width);
        if (tensorOperands != 1 && tensorOperands != 2) {
            throw new IllegalArgumentException("tensor_operands: must be 1 (tensor and scalar) or 2 (two tensors), got "
                    + tensorOperands);
        }
    }

    /** An operation on two full tensors. */
    public ElementwiseSpec(BinaryOp op, int channels, long height, int width) {
        this(op, channels, height, width, 2);
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

    /** A tensor with a scalar operand ({@code x + 2}, {@code x ** 3}): one tensor read, one written. */
    public static ElementwiseSpec withScalar(BinaryOp op, TensorShape s) {
        ElementwiseSpec both = ofShape(op, s);
        return new ElementwiseSpec(op, both.channels, both.height, both.width, 1);
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
