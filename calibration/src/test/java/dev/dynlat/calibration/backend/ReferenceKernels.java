package dev.dynlat.calibration.backend;

import dev.dynlat.calibration.kernel.AvgPoolKernel;
import dev.dynlat.calibration.kernel.ChannelSkipConvKernel;
import dev.dynlat.calibration.kernel.Conv2dKernel;
import dev.dynlat.calibration.kernel.ElementwiseAddKernel;
import dev.dynlat.calibration.kernel.FullyConnectedKernel;
import dev.dynlat.calibration.kernel.GatherKernel;
import dev.dynlat.calibration.kernel.GlobalAvgPoolKernel;
import dev.dynlat.calibration.kernel.KernelSpec;
import dev.dynlat.calibration.kernel.PatchConvKernel;
import dev.dynlat.calibration.kernel.PatchGrid;
import dev.dynlat.calibration.kernel.ScatterAddKernel;
import dev.dynlat.calibration.kernel.ScatterKernel;
import dev.dynlat.calibration.kernel.SeededData;

/** Plain, obviously-correct Java implementations of every kernel (double accumulation). */
final class ReferenceKernels {
    private ReferenceKernels() {
    }

    static float[] compute(KernelSpec spec, long seed) {
        float[][] ops = new float[spec.operandLengths().length][];
        for (int i = 0; i < ops.length; i++) {
            ops[i] = SeededData.values(seed, i, (int) spec.operandLengths()[i]);
        }
        if (spec instanceof Conv2dKernel c) {
            return conv(ops[0], ops[1], c.batch(), c.inChannels(), c.outChannels(), c.height(), c.width(),
                    c.kernelSize(), c.stride(), c.padding(), c.groups(), null, null, 0);
        }
        if (spec instanceof PatchConvKernel p) {
            return conv(ops[0], ops[1], p.patches(), p.inChannels(), p.outChannels(), p.patchSide(), p.patchSide(),
                    p.kernelSize(), 1, 0, p.groups(), null, null, 0);
        }
        if (spec instanceof ChannelSkipConvKernel c) {
            return conv(ops[0], ops[1], c.batch(), c.inChannels(), c.outChannels(), c.height(), c.width(),
                    c.kernelSize(), c.stride(), c.padding(), 1, c.keptInputChannels(), c.keptOutputGroups(),
                    c.groupSize());
        }
        if (spec instanceof FullyConnectedKernel f) {
            float[] out = new float[f.batch() * f.outFeatures()];
            for (int n = 0; n < f.batch(); n++) {
                for (int o = 0; o < f.outFeatures(); o++) {
                    double acc = 0;
                    for (int i = 0; i < f.inFeatures(); i++) {
                        acc += (double) ops[0][n * f.inFeatures() + i] * ops[1][o * f.inFeatures() + i];
                    }
                    out[n * f.outFeatures() + o] = (float) acc;
                }
            }
            return out;
        }
        if (spec instanceof GatherKernel g) {
            return gather(g, ops[0]);
        }
        if (spec instanceof ScatterKernel s) {
            float[] out = new float[(int) s.outputLength()];
            scatterInto(out, ops[0], s.grid(), s.channels(), s.activePatches());
            return out;
        }
        if (spec instanceof ScatterAddKernel s) {
            float[] out = ops[1].clone();
            float[] patchesOnly = new float[out.length];
            scatterInto(patchesOnly, ops[0], s.grid(), s.channels(), s.activePatches());
            for (int i = 0; i < out.length; i++) {
                out[i] += patchesOnly[i];
            }
            return out;
        }
        if (spec instanceof AvgPoolKernel a) {
            return avgPool(a, ops[0]);
        }
        if (spec instanceof GlobalAvgPoolKernel g) {
            int plane = g.height() * g.width();
            float[] out = new float[g.batch() * g.channels()];
            for (int i = 0; i < out.length; i++) {
                double acc = 0;
                for (int j = 0; j < plane; j++) {
                    acc += ops[0][i * plane + j];
                }
                out[i] = (float) (acc / plane);
            }
            return out;
        }
        if (spec instanceof ElementwiseAddKernel) {
            float[] out = new float[ops[0].length];
            for (int i = 0; i < out.length; i++) {
                out[i] = ops[0][i] + ops[1][i];
            }
            return out;
        }
        throw new IllegalArgumentException("no reference for " + spec);
    }

    /** Direct convolution; inChannels/outGroups select channels for channel skipping (groups must be 1 then). */
    private static float[] conv(float[] in, float[] w, int batch, int cin, int cout, int h, int wd, int k, int stride,
                                int pad, int groups, int[] inChannels, int[] outGroups, int groupSize) {
        int ho = (h + 2 * pad - k) / stride + 1;
        int wo = (wd + 2 * pad - k) / stride + 1;
        int cinG = cin / groups;
        int coutG = cout / groups;
        int[] outChannels;
        if (outGroups == null) {
            outChannels = new int[cout];
            for (int i = 0; i < cout; i++) {
                outChannels[i] = i;
            }
        } else {
            outChannels = new int[outGroups.length * groupSize];
            for (int i = 0; i < outChannels.length; i++) {
                outChannels[i] = outGroups[i / groupSize] * groupSize + i % groupSize;
            }
        }
        float[] out = new float[batch * outChannels.length * ho * wo];
        for (int n = 0; n < batch; n++) {
            for (int oi = 0; oi < outChannels.length; oi++) {
                int co = outChannels[oi];
                int g = co / coutG;
                for (int oy = 0; oy < ho; oy++) {
                    for (int ox = 0; ox < wo; ox++) {
                        double acc = 0;
                        int count = inChannels == null ? cinG : inChannels.length;
                        for (int j = 0; j < count; j++) {
                            int ci = inChannels == null ? g * cinG + j : inChannels[j];
                            int weightRow = inChannels == null ? co * cinG + j : co * cin + ci;
                            for (int ky = 0; ky < k; ky++) {
                                for (int kx = 0; kx < k; kx++) {
                                    int iy = oy * stride + ky - pad;
                                    int ix = ox * stride + kx - pad;
                                    if (iy < 0 || iy >= h || ix < 0 || ix >= wd) {
                                        continue;
                                    }
                                    acc += (double) in[((n * cin + ci) * h + iy) * wd + ix]
                                            * w[(weightRow * k + ky) * k + kx];
                                }
                            }
                        }
                        out[((n * outChannels.length + oi) * ho + oy) * wo + ox] = (float) acc;
                    }
                }
            }
        }
        return out;
    }

    private static float[] gather(GatherKernel g, float[] in) {
        int[] patches = g.activePatches();
        int side = g.patchSide();
        PatchGrid grid = g.grid();
        float[] out = new float[(int) g.outputLength()];
        int perImage = grid.gridHeight() * grid.gridWidth();
        for (int p = 0; p < patches.length; p++) {
            int n = patches[p] / perImage;
            int r = patches[p] % perImage;
            int y0 = (r / grid.gridWidth()) * g.granularity() - g.halo();
            int x0 = (r % grid.gridWidth()) * g.granularity() - g.halo();
            for (int c = 0; c < g.channels(); c++) {
                for (int y = 0; y < side; y++) {
                    for (int x = 0; x < side; x++) {
                        int iy = y0 + y;
                        int ix = x0 + x;
                        boolean inside = iy >= 0 && iy < g.height() && ix >= 0 && ix < g.width();
                        out[((p * g.channels() + c) * side + y) * side + x] =
                                inside ? in[((n * g.channels() + c) * g.height() + iy) * g.width() + ix] : 0f;
                    }
                }
            }
        }
        return out;
    }

    private static void scatterInto(float[] out, float[] patchData, PatchGrid grid, int channels, int[] patches) {
        int s = grid.granularity();
        int perImage = grid.gridHeight() * grid.gridWidth();
        for (int p = 0; p < patches.length; p++) {
            int n = patches[p] / perImage;
            int r = patches[p] % perImage;
            int y0 = (r / grid.gridWidth()) * s;
            int x0 = (r % grid.gridWidth()) * s;
            for (int c = 0; c < channels; c++) {
                for (int y = 0; y < s; y++) {
                    for (int x = 0; x < s; x++) {
                        if (y0 + y < grid.height() && x0 + x < grid.width()) {
                            out[((n * channels + c) * grid.height() + y0 + y) * grid.width() + x0 + x] =
                                    patchData[((p * channels + c) * s + y) * s + x];
                        }
                    }
                }
            }
        }
    }

    private static float[] avgPool(AvgPoolKernel a, float[] in) {
        int ho = a.outHeight();
        int wo = a.outWidth();
        int k = a.kernelSize();
        float[] out = new float[(int) a.outputLength()];
        for (int nc = 0; nc < a.batch() * a.channels(); nc++) {
            for (int oy = 0; oy < ho; oy++) {
                for (int ox = 0; ox < wo; ox++) {
                    double acc = 0;
                    for (int ky = 0; ky < k; ky++) {
                        for (int kx = 0; kx < k; kx++) {
                            acc += in[(nc * a.height() + oy * a.stride() + ky) * a.width() + ox * a.stride() + kx];
                        }
                    }
                    out[(nc * ho + oy) * wo + ox] = (float) (acc / (k * k));
                }
            }
        }
        return out;
    }
}
