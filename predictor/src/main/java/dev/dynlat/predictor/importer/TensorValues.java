package dev.dynlat.predictor.importer;

import ai.onnx.proto.OnnxMl.TensorProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Decodes an ONNX {@code TensorProto} into a {@link Tensor}: dims always, values of small numeric constants. */
final class TensorValues {
    private static final int FLOAT = 1;
    private static final int INT32 = 6;
    private static final int INT64 = 7;
    private static final int BOOL = 9;
    private static final int DOUBLE = 11;

    private TensorValues() {
    }

    static Tensor decode(TensorProto t) {
        long[] dims = t.getDimsList().stream().mapToLong(Long::longValue).toArray();
        for (long d : dims) {
            if (d < 0 || d > Integer.MAX_VALUE) {
                throw new ImportException("model: tensor '" + t.getName() + "' has a dimension of " + d);
            }
        }
        long n = ShapeRules.product(dims, 0, dims.length);
        if (n > Tensor.MAX_VALUES) {
            return Tensor.of(dims);
        }
        return new Tensor(dims, values(t, (int) n));
    }

    private static double[] values(TensorProto t, int n) {
        double[] v = new double[n];
        boolean raw = !t.getRawData().isEmpty();
        ByteBuffer b = raw ? t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN) : null;
        switch (t.getDataType()) {
            case FLOAT -> {
                if (raw ? b.remaining() < 4L * n : t.getFloatDataCount() < n) {
                    return null;
                }
                for (int i = 0; i < n; i++) {
                    v[i] = raw ? b.getFloat() : t.getFloatData(i);
                }
            }
            case DOUBLE -> {
                if (raw ? b.remaining() < 8L * n : t.getDoubleDataCount() < n) {
                    return null;
                }
                for (int i = 0; i < n; i++) {
                    v[i] = raw ? b.getDouble() : t.getDoubleData(i);
                }
            }
            case INT64 -> {
                if (raw ? b.remaining() < 8L * n : t.getInt64DataCount() < n) {
                    return null;
                }
                for (int i = 0; i < n; i++) {
                    v[i] = raw ? b.getLong() : t.getInt64Data(i);
                }
            }
            case INT32, BOOL -> {
                int width = t.getDataType() == BOOL ? 1 : 4;
                if (raw ? b.remaining() < (long) width * n : t.getInt32DataCount() < n) {
                    return null;
                }
                for (int i = 0; i < n; i++) {
                    v[i] = raw ? (width == 1 ? b.get() : b.getInt()) : t.getInt32Data(i);
                }
            }
            default -> {
                return null;
            }
        }
        return v;
    }
}
