package dev.dynlat.predictor.execution.onnx;

import dev.dynlat.calibration.network.NetworkProgram;
import dev.dynlat.calibration.network.ProgramStep;
import dev.dynlat.calibration.network.Slice;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A dense {@link NetworkProgram} as an ONNX model with the very same weights (seeded as the native
 * runner seeds them), so a production engine runs the network our kernels run: the same operators,
 * shapes and values, and the same output to compare.
 */
public final class OnnxExport {
    public static final String INPUT = "input";

    private OnnxExport() {
    }

    /** The model bytes; refuses steps of dynamic networks (they have no standard ONNX form). */
    public static byte[] export(NetworkProgram p, int inputChannels, int inputSize) {
        return export(p, inputChannels, inputSize, inputSize);
    }

    /** As {@link #export(NetworkProgram, int, int)} for an input of {@code height × width} pixels. */
    public static byte[] export(NetworkProgram p, int inputChannels, int height, int width) {
        OnnxModel m = new OnnxModel();
        Map<Slice, String> tensor = new HashMap<>();
        int batch = p.steps().get(0).dims()[0];
        m.input(INPUT, batch, inputChannels, height, width);
        tensor.put(Slice.of(p.inputs().get(0)), INPUT);
        String last = INPUT;
        for (int i = 0; i < p.steps().size(); i++) {
            ProgramStep s = p.steps().get(i);
            int[] d = s.dims();
            String in = tensor.get(s.in());
            if (in == null) {
                throw new IllegalStateException("step " + s.name() + " reads " + s.in() + " before it is written");
            }
            String out = switch (s.kind()) {
                case CONV2D -> m.node("Conv", List.of(in, m.initializer("w", p.weightsOf(i), d[2], d[1] / d[8], d[5],
                        d[5])), "kernel_shape", new long[] {d[5], d[5]}, "strides", new long[] {d[6], d[6]}, "pads",
                        new long[] {d[7], d[7], d[7], d[7]}, "group", (long) d[8]);
                case MAX_POOL -> m.node("MaxPool", List.of(in), "kernel_shape", new long[] {d[4], d[4]}, "strides",
                        new long[] {d[5], d[5]}, "pads", new long[] {d[6], d[6], d[6], d[6]});
                case GLOBAL_AVG_POOL -> m.node("GlobalAveragePool", List.of(in));
                case FC -> m.node("Gemm", List.of(m.node("Flatten", List.of(in), "axis", 1L),
                        m.initializer("fc", p.weightsOf(i), d[2], d[1])), "transB", 1L);
                case ADD -> m.node("Add", List.of(in, tensor.get(s.in2())));
                case SE -> squeezeExcitation(m, in, p.weightsOf(i), d[1], d[4]);
                default -> throw new UnsupportedOperationException("step " + s.name() + " (" + s.kind()
                        + "): no dense ONNX form");
            };
            tensor.put(s.out(), out);
            last = out;
        }
        if (!tensor.get(Slice.of(p.output())).equals(last)) {
            throw new IllegalStateException("the last step does not write the output buffer");
        }
        long[] outDims = {batch, p.bufferLengths().get(p.output()) / batch};
        m.output(last, outDims);
        return m.toBytes(p.name());
    }

    private static String squeezeExcitation(OnnxModel m, String x, float[] w, int c, int sq) {
        float[] w1 = Arrays.copyOfRange(w, 0, sq * c);
        float[] w2 = Arrays.copyOfRange(w, sq * c, 2 * sq * c);
        String pooled = m.node("GlobalAveragePool", List.of(x));
        String h = m.node("Relu", List.of(m.node("Conv", List.of(pooled, m.initializer("se1", w1, sq, c, 1, 1)))));
        String g = m.node("Sigmoid", List.of(m.node("Conv", List.of(h, m.initializer("se2", w2, c, sq, 1, 1)))));
        return m.node("Mul", List.of(x, g));
    }
}
