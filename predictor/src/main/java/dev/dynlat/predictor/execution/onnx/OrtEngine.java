package dev.dynlat.predictor.execution.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Map;

/**
 * ONNX Runtime (its Java API, CPU execution provider with MLAS kernels, all graph optimizations)
 * running one exported network on the same cores our kernels use. Not thread-safe; close it.
 */
public final class OrtEngine implements AutoCloseable {
    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final OnnxTensor input;

    public OrtEngine(byte[] model, float[] input, long[] shape, int threads) {
        try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
            o.setIntraOpNumThreads(threads);
            o.setInterOpNumThreads(1);
            o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            this.session = env.createSession(model, o);
            this.input = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), shape);
        } catch (OrtException e) {
            throw new IllegalStateException("onnxruntime: " + e.getMessage(), e);
        }
    }

    /** The network's output, flattened. */
    public float[] run() {
        try (OrtSession.Result r = session.run(Map.of(OnnxExport.INPUT, input))) {
            OnnxTensor t = (OnnxTensor) r.get(0);
            FloatBuffer b = t.getFloatBuffer();
            float[] out = new float[b.remaining()];
            b.get(out);
            return out;
        } catch (OrtException e) {
            throw new IllegalStateException("onnxruntime: " + e.getMessage(), e);
        }
    }

    /** Seconds of each of {@code runs} inferences after {@code warmup} untimed ones. */
    public double[] time(int warmup, int runs) {
        try {
            for (int i = 0; i < warmup; i++) {
                session.run(Map.of(OnnxExport.INPUT, input)).close();
            }
            double[] t = new double[runs];
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                session.run(Map.of(OnnxExport.INPUT, input)).close();
                t[i] = (System.nanoTime() - t0) * 1e-9;
            }
            return t;
        } catch (OrtException e) {
            throw new IllegalStateException("onnxruntime: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            input.close();
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("onnxruntime: " + e.getMessage(), e);
        }
    }
}
