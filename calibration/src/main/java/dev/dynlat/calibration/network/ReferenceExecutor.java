package dev.dynlat.calibration.network;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Runs a {@link NetworkProgram} in plain Java, loop by loop as each step's definition reads, with
 * the same seeded inputs and weights as the native runner: the reference the native outputs are
 * checked against element by element. Written for clarity, not speed (outer loops in parallel).
 */
public final class ReferenceExecutor {
    private ReferenceExecutor() {
    }

    /** Every buffer after one run of {@code program}. */
    public static float[][] run(NetworkProgram program) {
        List<Long> lengths = program.bufferLengths();
        float[][] buffers = new float[lengths.size()][];
        for (int b = 0; b < buffers.length; b++) {
            buffers[b] = new float[Math.toIntExact(lengths.get(b))];
        }
        for (int q = 0; q < program.inputs().size(); q++) {
            buffers[program.inputs().get(q)] = program.inputValues(q);
        }
        for (int i = 0; i < program.steps().size(); i++) {
            ProgramStep s = program.steps().get(i);
            step(s, buffers, s.kind().weighted() ? program.weightsOf(i) : null);
        }
        return buffers;
    }

    private static void step(ProgramStep s, float[][] buf, float[] w) {
        float[] in = buf[s.in().buffer()];
        int io = s.in().offset();
        float[] out = buf[s.out().buffer()];
        int oo = s.out().offset();
        int[] d = s.dims();
        switch (s.kind()) {
            case CONV2D -> conv(d, in, io, w, out, oo);
            case CHANNEL_SKIP_CONV -> channelSkipConv(d, s.listA(), s.listB(), s.compactInput(), in, io, w, out, oo);
            case FC -> IntStream.range(0, d[0] * d[2]).parallel().forEach(t -> {
                int n = t / d[2];
                int co = t % d[2];
                float acc = 0;
                for (int i = 0; i < d[1]; i++) {
                    acc += in[io + n * d[1] + i] * w[co * d[1] + i];
                }
                out[oo + t] = acc;
            });
            case GATHER -> gather(d, s.listA(), in, io, out, oo);
            case SCATTER_ADD -> scatterAdd(d, s.listA(), in, io, buf[s.in2().buffer()], s.in2().offset(), out, oo);
            case GLOBAL_AVG_POOL -> {
                int plane = d[2] * d[3];
                for (int t = 0; t < d[0] * d[1]; t++) {
                    float acc = 0;
                    for (int i = 0; i < plane; i++) {
                        acc += in[io + t * plane + i];
                    }
                    out[oo + t] = acc / plane;
                }
            }
            case ADD -> {
                float[] b = buf[s.in2().buffer()];
                int bo = s.in2().offset();
                int n = d[0] * d[1] * d[2] * d[3];
                for (int i = 0; i < n; i++) {
                    out[oo + i] = in[io + i] + b[bo + i];
                }
            }
            case MAX_POOL -> maxPool(d, in, io, out, oo);
            case SE -> {
                int plane = d[2] * d[3];
                copyIfMoved(in, io, out, oo, d[0] * d[1] * plane);
                for (int n = 0; n < d[0]; n++) {
                    int[] images = new int[0];
                    squeeze(d[1], d[4], w, out, oo + n * d[1] * plane, plane, 1, images, -1, 0);
                }
            }
            case PATCH_SE -> {
                int[] patches = s.listA();
                int plane = d[2] * d[2];
                copyIfMoved(in, io, out, oo, patches.length * d[1] * plane);
                for (int n = 0; n < d[0]; n++) {
                    squeeze(d[1], d[4], w, out, oo, plane, 0, patches, n, d[3]);
                }
            }
        }
    }

    private static void copyIfMoved(float[] in, int io, float[] out, int oo, int n) {
        if (in != out || io != oo) {
            System.arraycopy(in, io, out, oo, n);
        }
    }

    /**
     * SE of one image: on the {@code channels} planes at {@code base} (whole map, {@code wholeMap} = 1),
     * or on the patches of {@code patches} belonging to {@code image}.
     */
    private static void squeeze(int channels, int sq, float[] w, float[] x, int base, int plane, int wholeMap,
                                int[] patches, int image, int perImage) {
        float[] pooled = new float[channels];
        long count = 0;
        if (wholeMap == 1) {
            for (int c = 0; c < channels; c++) {
                float acc = 0;
                for (int i = 0; i < plane; i++) {
                    acc += x[base + c * plane + i];
                }
                pooled[c] = acc / plane;
            }
        } else {
            for (int p : patches) {
                count += p / perImage == image ? 1 : 0;
            }
            if (count == 0) {
                return;
            }
            for (int c = 0; c < channels; c++) {
                float acc = 0;
                for (int q = 0; q < patches.length; q++) {
                    if (patches[q] / perImage != image) {
                        continue;
                    }
                    for (int i = 0; i < plane; i++) {
                        acc += x[base + (q * channels + c) * plane + i];
                    }
                }
                pooled[c] = acc / (float) (count * plane);
            }
        }
        float[] hidden = new float[sq];
        for (int j = 0; j < sq; j++) {
            float acc = 0;
            for (int c = 0; c < channels; c++) {
                acc += w[j * channels + c] * pooled[c];
            }
            hidden[j] = Math.max(acc, 0f);
        }
        int w2 = sq * channels;
        for (int c = 0; c < channels; c++) {
            float acc = 0;
            for (int j = 0; j < sq; j++) {
                acc += w[w2 + c * sq + j] * hidden[j];
            }
            float gate = (float) (1.0 / (1.0 + Math.exp(-acc)));
            if (wholeMap == 1) {
                for (int i = 0; i < plane; i++) {
                    x[base + c * plane + i] *= gate;
                }
            } else {
                for (int q = 0; q < patches.length; q++) {
                    if (patches[q] / perImage == image) {
                        for (int i = 0; i < plane; i++) {
                            x[base + (q * channels + c) * plane + i] *= gate;
                        }
                    }
                }
            }
        }
    }

    /** Dims N, Cin, Cout, H, W, k, stride, pad, groups. */
    private static void conv(int[] d, float[] in, int io, float[] w, float[] out, int oo) {
        int n = d[0], cin = d[1], cout = d[2], h = d[3], wd = d[4], k = d[5], st = d[6], pad = d[7], g = d[8];
        int ho = ProgramStep.convOut(h, k, st, pad);
        int wo = ProgramStep.convOut(wd, k, st, pad);
        int cinG = cin / g;
        int coutG = cout / g;
        IntStream.range(0, n * cout).parallel().forEach(t -> {
            int img = t / cout;
            int co = t % cout;
            int first = (co / coutG) * cinG;
            float[] acc = new float[ho * wo];
            for (int ci = 0; ci < cinG; ci++) {
                int plane = io + (img * cin + first + ci) * h * wd;
                for (int ky = 0; ky < k; ky++) {
                    for (int kx = 0; kx < k; kx++) {
                        float wv = w[((co * cinG + ci) * k + ky) * k + kx];
                        accumulate(acc, in, plane, h, wd, ho, wo, st, ky - pad, kx - pad, wv);
                    }
                }
            }
            System.arraycopy(acc, 0, out, oo + t * ho * wo, ho * wo);
        });
    }

    /** acc[oy, ox] += wv × in[oy·st + dy, ox·st + dx] for positions inside the map. */
    private static void accumulate(float[] acc, float[] in, int plane, int h, int wd, int ho, int wo, int st, int dy,
                                   int dx, float wv) {
        // output columns whose input column ox·st + dx lies in [0, wd)
        int lo = dx >= 0 ? 0 : (-dx + st - 1) / st;
        int hi = wd - 1 - dx < 0 ? 0 : Math.min(wo, (wd - 1 - dx) / st + 1);
        for (int oy = 0; oy < ho; oy++) {
            int iy = oy * st + dy;
            if (iy < 0 || iy >= h) {
                continue;
            }
            int row = plane + iy * wd + dx;
            int a = oy * wo;
            if (st == 1) {
                for (int ox = lo; ox < hi; ox++) {
                    acc[a + ox] += wv * in[row + ox];
                }
            } else {
                for (int ox = lo; ox < hi; ox++) {
                    acc[a + ox] += wv * in[row + ox * st];
                }
            }
        }
    }

    /** Dims N, Cin, Cout, H, W, k, stride, G; pad k / 2; full weight [Cout, Cin, k, k]. */
    private static void channelSkipConv(int[] d, int[] groups, int[] kept, boolean compact, float[] in, int io,
                                        float[] w, float[] out, int oo) {
        int n = d[0], cin = d[1], h = d[3], wd = d[4], k = d[5], st = d[6], gs = d[7];
        int pad = k / 2;
        int ho = ProgramStep.convOut(h, k, st, pad);
        int wo = ProgramStep.convOut(wd, k, st, pad);
        int m = groups.length * gs;
        int inChannels = compact ? kept.length : cin;
        IntStream.range(0, n * m).parallel().forEach(t -> {
            int img = t / m;
            int i = t % m;
            int co = groups[i / gs] * gs + i % gs;
            float[] acc = new float[ho * wo];
            for (int j = 0; j < kept.length; j++) {
                int ci = compact ? j : kept[j];
                int plane = io + (img * inChannels + ci) * h * wd;
                for (int ky = 0; ky < k; ky++) {
                    for (int kx = 0; kx < k; kx++) {
                        float wv = w[((co * cin + kept[j]) * k + ky) * k + kx];
                        accumulate(acc, in, plane, h, wd, ho, wo, st, ky - pad, kx - pad, wv);
                    }
                }
            }
            System.arraycopy(acc, 0, out, oo + t * ho * wo, ho * wo);
        });
    }

    /** Dims N, C, H, W, S, halo. */
    private static void gather(int[] d, int[] patches, float[] in, int io, float[] out, int oo) {
        int c = d[1], h = d[2], wd = d[3], s = d[4], halo = d[5];
        int gridW = (wd + s - 1) / s;
        int perImage = ((h + s - 1) / s) * gridW;
        int side = s + 2 * halo;
        for (int p = 0; p < patches.length; p++) {
            int img = patches[p] / perImage;
            int r = patches[p] % perImage;
            int y0 = (r / gridW) * s - halo;
            int x0 = (r % gridW) * s - halo;
            for (int ch = 0; ch < c; ch++) {
                int src = io + (img * c + ch) * h * wd;
                int dst = oo + (p * c + ch) * side * side;
                for (int y = 0; y < side; y++) {
                    for (int x = 0; x < side; x++) {
                        int iy = y0 + y;
                        int ix = x0 + x;
                        out[dst + y * side + x] = iy >= 0 && iy < h && ix >= 0 && ix < wd ? in[src + iy * wd + ix] : 0f;
                    }
                }
            }
        }
    }

    /** Dims N, C, H, W, S: out = residual + each patch at its place, clipped to the map. */
    private static void scatterAdd(int[] d, int[] patches, float[] in, int io, float[] res, int ro, float[] out,
                                   int oo) {
        int n = d[0], c = d[1], h = d[2], wd = d[3], s = d[4];
        System.arraycopy(res, ro, out, oo, n * c * h * wd);
        int gridW = (wd + s - 1) / s;
        int perImage = ((h + s - 1) / s) * gridW;
        for (int p = 0; p < patches.length; p++) {
            int img = patches[p] / perImage;
            int r = patches[p] % perImage;
            int y0 = (r / gridW) * s;
            int x0 = (r % gridW) * s;
            for (int ch = 0; ch < c; ch++) {
                int dst = oo + (img * c + ch) * h * wd;
                int src = io + (p * c + ch) * s * s;
                for (int y = 0; y < s && y0 + y < h; y++) {
                    for (int x = 0; x < s && x0 + x < wd; x++) {
                        out[dst + (y0 + y) * wd + x0 + x] += in[src + y * s + x];
                    }
                }
            }
        }
    }

    /** Dims N, C, H, W, k, stride, pad. */
    private static void maxPool(int[] d, float[] in, int io, float[] out, int oo) {
        int h = d[2], wd = d[3], k = d[4], st = d[5], pad = d[6];
        int ho = ProgramStep.convOut(h, k, st, pad);
        int wo = ProgramStep.convOut(wd, k, st, pad);
        for (int t = 0; t < d[0] * d[1]; t++) {
            for (int oy = 0; oy < ho; oy++) {
                for (int ox = 0; ox < wo; ox++) {
                    float m = Float.NEGATIVE_INFINITY;
                    for (int ky = 0; ky < k; ky++) {
                        for (int kx = 0; kx < k; kx++) {
                            int iy = oy * st + ky - pad;
                            int ix = ox * st + kx - pad;
                            if (iy >= 0 && iy < h && ix >= 0 && ix < wd) {
                                m = Math.max(m, in[io + t * h * wd + iy * wd + ix]);
                            }
                        }
                    }
                    out[oo + t * ho * wo + oy * wo + ox] = m;
                }
            }
        }
    }
}
