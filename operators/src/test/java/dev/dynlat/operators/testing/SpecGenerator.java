package dev.dynlat.operators.testing;

import dev.dynlat.operators.spec.ActivationFunction;
import dev.dynlat.operators.spec.ActivationSpec;
import dev.dynlat.operators.spec.AvgPoolSpec;
import dev.dynlat.operators.spec.BinaryOp;
import dev.dynlat.operators.spec.ConcatSpec;
import dev.dynlat.operators.spec.CropSpec;
import dev.dynlat.operators.spec.GruCellSpec;
import dev.dynlat.operators.spec.MaskerScheduleSpec;
import dev.dynlat.operators.spec.MaxPoolSpec;
import dev.dynlat.operators.spec.ResizeSpec;
import dev.dynlat.operators.spec.BroadcastMulSpec;
import dev.dynlat.operators.spec.ChannelMaskerSpec;
import dev.dynlat.operators.spec.Conv2dSpec;
import dev.dynlat.operators.spec.ElementwiseSpec;
import dev.dynlat.operators.spec.EmbeddingSpec;
import dev.dynlat.operators.spec.GatherSpec;
import dev.dynlat.operators.spec.LayerGateSpec;
import dev.dynlat.operators.spec.LinearSpec;
import dev.dynlat.operators.spec.MatmulSpec;
import dev.dynlat.operators.spec.NormSpec;
import dev.dynlat.operators.spec.OperatorSpec;
import dev.dynlat.operators.spec.ReduceSpec;
import dev.dynlat.operators.spec.ScatterSpec;
import dev.dynlat.operators.spec.SoftmaxSpec;
import dev.dynlat.operators.spec.SpatialConvSpec;
import dev.dynlat.operators.spec.SpatialMaskerSpec;
import dev.dynlat.operators.spec.SqueezeExcitationSpec;
import dev.dynlat.operators.spec.TensorShape;
import dev.dynlat.operators.spec.UnfoldSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded generators of valid operator specs, one per operator kind, and of "grown" copies of a
 * spec (one size dimension made larger, everything else unchanged) for monotonicity checks.
 */
public enum SpecGenerator {
    CONV2D {
        @Override
        public OperatorSpec random(Random r) {
            return conv(r, true);
        }

        @Override
        public List<OperatorSpec> grown(OperatorSpec spec, Random r) {
            return growConv((Conv2dSpec) spec, r);
        }
    },
    LINEAR {
        @Override
        public OperatorSpec random(Random r) {
            return new LinearSpec(between(r, 1, 2048), between(r, 1, 2048));
        }

        @Override
        public List<OperatorSpec> grown(OperatorSpec spec, Random r) {
            LinearSpec s = (LinearSpec) spec;
            return List.of(new LinearSpec(s.inFeatures() + more(r), s.outFeatures()),
                    new LinearSpec(s.inFeatures(), s.outFeatures() + more(r)));
        }
    },
    MATMUL {
        @Override
        public OperatorSpec random(Random r) {
            return new MatmulSpec(between(r, 1, 4096), between(r, 1, 1024), between(r, 1, 1024));
        }

        @Override
        public List<OperatorSpec> grown(OperatorSpec spec, Random r) {
            MatmulSpec s = (MatmulSpec) spec;
            return List.of(new MatmulSpec(s.rows() + more(r), s.inner(), s.cols()),
                    new MatmulSpec(s.rows(), s.inner() + more(r), s.cols()),
                    new MatmulSpec(s.rows(), s.inner(), s.cols() + more(r)));
        }
    },
    ELEMENTWISE {
        @Override
        public OperatorSpec random(Random r) {
            BinaryOp op = r.nextBoolean() ? BinaryOp.ADD : BinaryOp.MUL;
            return new ElementwiseSpec(op, between(r, 1, 512), between(r, 1, 112), between(r, 1, 112));
        }

        @Override
        public List<OperatorSpec> grown(OperatorSpec spec, Random r) {
            ElementwiseSpec s = (ElementwiseSpec) spec;
            return List.of(new ElementwiseSpec(s.op(), s.channels() + more(r), s.height(), s.width()),
                    new ElementwiseSpec(s.op(), s.channels(), s.height() + more(r), s.width()),
                    new ElementwiseSpec(s.op(), s.channels(), s.height(), s.width() + more(r)));
        }
    },
    AVG_POOL {
        @Override
        public OperatorSpec random(Random r) {
            int h = between(r, 1, 112);
            int w = between(r, 1, 112);
            return new AvgPoolSpec(between(r, 1, 1024), h, w, between(r, 1, h), between(r, 1, w));
        }

        @Override
        public List<OperatorSpec> grown(OperatorSpec spec, Random r) {
            AvgPoolSpec s = (AvgPoolSpec) spec;
            return List.of(new AvgPoolSpec(s.channels() + more(r), s.height(), s.width(), s.outHeight(), s.outWidth()),
                    new AvgPoolSpec(s.channels(), s.height() + more(r), s.width(), s.outHeight(), s.outWidth()),
                    new AvgPoolSpec(s.channels(), s.height(), s.width() + more(r), s.outHeight(), s.outWidth()));
        }
    },
    REDUCE {
        @Override
        public OperatorSpec random(Random r) {
            return new ReduceSpec(between(r, 1, 4096), between(r, 1, 56), between(r, 1, 56));
        }

        @Override
        public List<OperatorSpec> grown(OperatorSpec spec, Random r) {
            ReduceSpec s = (ReduceSpec) spec;
            return List.of(new ReduceSpec(s.channels() + more(r), s.height(), s.width()),
                    new ReduceSpec(s.channels(), s.height() + more(r), s.width()),
                    new ReduceSpec(s.channels(), s.height(), s.width() + more(r)));
        }
    },
    BROADCAST_MUL {
        @Override
        public OperatorSpec random(Random r) {
            return new BroadcastMulSpec(between(r, 1, 1024), between(r, 1, 112), between(r, 1, 112));
        }

        @Override
        public List<OperatorSpec> grown(OperatorSpec spec, Random r) {
            BroadcastMulSpec s = (BroadcastMulSpec) spec;
            return List.of(new BroadcastMulSpec(s.channels() + more(r), s.height(), s.width()),
                    new BroadcastMulSpec(s.channels(), s.height() + more(r), s.width()),
                    new BroadcastMulSpec(s.channels(), s.height(), s.width() + more(r)));
        }
    },
    SQUEEZE_EXCITATION {
        @Override
        public OperatorSpec random(Random r) {
            int c = between(r, 1, 1024);
            int h = between(r, 1, 56);
            int w = between(r, 1, 56);
            int squeeze = between(r, 1, Math.max(1, c / 4));
            if (r.nextBoolean()) {
                return SqueezeExcitationSpec.dense(c, h, w, squeeze);
            }
            return new SqueezeExcitationSpec(c, h, w, squeeze, between(r, 1, Math.max(h, w)), rate(r));
        }

        @Override
        public List<OperatorSpec> grown(OperatorSpec spec, Random r) {
            SqueezeExcitationSpec s = (SqueezeExcitationSpec) spec;
            return List.of(
                    new SqueezeExcitationSpec(s.channels() + more(r), s.height(), s.width(), s.squeeze(),
                            s.granularity(), s.density()),
                    new SqueezeExcitationSpec(s.channels(), s.height() + more(r), s.width(), s.squeeze(),
                            s.granularity(), s.density()),
                    new SqueezeExcitationSpec(s.channels(), s.height(), s.width() + more(r), s.squeeze(),
                            s.granularity(), s.density()),
                    new SqueezeExcitationSpec(s.channels(), s.height(), s.width(), s.squeeze() + more(r),
                            s.granularity(), s.density()));
        }
    },
    NORM {
        @Override
        public OperatorSpec random(Random r) {
            return new NormSpec(shape(r));
        }

        @Override
        public List<OperatorSpec> grown(OperatorSpec spec, Random r) {
            List<OperatorSpec> out = new ArrayList<>();
            for (TensorShape s : growShape(((NormSpec) spec).shape(), r)) {
                out.add(new NormSpec(s));
            }
            return out;
        }
    },
    SOFTMAX {
        @Override
        public OperatorSpec random(Random r) {
            return new SoftmaxSpec(shape(r));
        }

        @Override
        public List<OperatorSpec> grown(OperatorSpec spec, Random r) {
            List<OperatorSpec> out = new ArrayList<>();
            for (TensorShape s : growShape(((SoftmaxSpec) spec).shape(), r)) {
                out.add(new SoftmaxSpec(s));
            }
            return out;
        }
    },
    ACTIVATION {
        @Override
        public OperatorSpec random(Random r) {
            return new ActivationSpec(ActivationFunction.values()[r.nextInt(ActivationFunction.values().length)], shape(r));
        }

        @Override
        public List<OperatorSpec> grown(OperatorSpec spec, Random r) {
            ActivationSpec a = (ActivationSpec) spec;
            List<OperatorSpec> out = new ArrayList<>();
            for (TensorShape s : growShape(a.shape(), r)) {
                out.add(new ActivationSpec(a.function(), s));
            }
            return out;
        }
    },
    UNFOLD {
        @Override
        public OperatorSpec random(Random r) {
            long in = between(r, 1, 1_000_000);
            return new UnfoldSpec(in, in * between(r, 1, 9));
        }

        @Override
        public List<OperatorSpec> grown(OperatorSpec spec, Random r) {
            UnfoldSpec s = (UnfoldSpec) spec;
            return List.of(new UnfoldSpec(s.inElements() + more(r), s.outElements()),
                    new UnfoldSpec(s.inElements(), s.outElements() + more(r)));
        }
    },
    EMBEDDING {
        @Override
        public OperatorSpec random(Random r) {
            return new EmbeddingSpec(between(r, 1, 100_000), between(r, 1, 4096), between(r, 1, 60_000));
        }

        @Override
        public List<OperatorSpec> grown(OperatorSpec spec, Random r) {
            EmbeddingSpec s = (EmbeddingSpec) spec;
            return List.of(new EmbeddingSpec(s.rows() + more(r), s.width(), s.vocabulary()),
                    new EmbeddingSpec(s.rows(), s.width() + more(r), s.vocabulary()));
        }
    },
    GATHER {
        @Override
        public OperatorSpec random(Random r) {
            int h = between(r, 1, 112);
            int w = between(r, 1, 112);
            return new GatherSpec(between(r, 1, 512), h, w, between(r, 1, Math.max(h, w)), between(r, 0, 2), rate(r));
        }

        @Override
        public List<OperatorSpec> grown(OperatorSpec spec, Random r) {
            GatherSpec s = (GatherSpec) spec;
            return List.of(
                    new GatherSpec(s.channels() + more(r), s.height(), s.width(), s.granularity(), s.halo(), s.density()),
                    new GatherSpec(s.channels(), s.height() + more(r), s.width(), s.granularity(), s.halo(), s.density()),
                    new GatherSpec(s.channels(), s.height(), s.width() + more(r), s.granularity(), s.halo(), s.density()));
        }
    },
    SCATTER {
        @Override
        public OperatorSpec random(Random r) {
            int h = between(r, 1, 112);
            int w = between(r, 1, 112);
            return new ScatterSpec(between(r, 1, 512), h, w, between(r, 1, Math.max(h, w)), rate(r), r.nextBoolean());
        }

        @Override
        public List<OperatorSpec> grown(OperatorSpec spec, Random r) {
            ScatterSpec s = (ScatterSpec) spec;
            return List.of(
                    new ScatterSpec(s.channels() + more(r), s.height(), s.width(), s.granularity(), s.density(),
                            s.addResidual()),
                    new ScatterSpec(s.channels(), s.height() + more(r), s.width(), s.granularity(), s.density(),
                            s.addResidual()),
                    new ScatterSpec(s.channels(), s.height(), s.width() + more(r), s.granularity(), s.density(),
                            s.addResidual()));
        }
    },
    SPATIAL_CONV {
        @Override
        public OperatorSpec random(Random r) {
            Conv2dSpec c = conv(r, r.nextInt(3) == 0);
            int g = between(r, 1, Math.max(c.outHeight(), c.outWidth()));
            return new SpatialConvSpec(c, g, rate(r), r.nextBoolean(), between(r, 0, 1));
        }

        @Override
        public List<OperatorSpec> grown(OperatorSpec spec, Random r) {
            SpatialConvSpec s = (SpatialConvSpec) spec;
            List<OperatorSpec> out = new ArrayList<>();
            for (OperatorSpec c : growConv(s.conv(), r)) {
                out.add(new SpatialConvSpec((Conv2dSpec) c, s.granularity(), s.density(), s.inputGathered(), s.halo()));
            }
            return out;
        }
    },
    SPATIAL_MASKER {
        @Override
        public OperatorSpec random(Random r) {
            int h = between(r, 1, 56);
            int w = between(r, 1, 56);
            Conv2dSpec c1 = Conv2dSpec.dense(channels(r), channels(r), h, w, 1, 1, 1);
            return new SpatialMaskerSpec(c1, between(r, 1, Math.max(h, w)), rate(r), r.nextBoolean() ? 3 : 1);
        }

        @Override
        public List<OperatorSpec> grown(OperatorSpec spec, Random r) {
            SpatialMaskerSpec s = (SpatialMaskerSpec) spec;
            List<OperatorSpec> out = new ArrayList<>();
            for (OperatorSpec c : growConv(s.conv1(), r)) {
                out.add(new SpatialMaskerSpec((Conv2dSpec) c, s.granularity(), s.density(), s.nextKernel()));
            }
            return out;
        }
    },
    CHANNEL_MASKER {
        @Override
        public OperatorSpec random(Random r) {
            int[] groups = {1, 2, 4, 8, 16, 32};
            int hidden = r.nextBoolean() ? 0 : between(r, 1, 128);
            return new ChannelMaskerSpec(channels(r), between(r, 1, 56), between(r, 1, 56),
                    groups[r.nextInt(groups.length)], hidden);
        }

        @Override
        public List<OperatorSpec> grown(OperatorSpec spec, Random r) {
            ChannelMaskerSpec s = (ChannelMaskerSpec) spec;
            List<OperatorSpec> out = new ArrayList<>(List.of(
                    new ChannelMaskerSpec(s.inChannels() + more(r), s.height(), s.width(), s.groups(), s.hidden()),
                    new ChannelMaskerSpec(s.inChannels(), s.height() + more(r), s.width(), s.groups(), s.hidden()),
                    new ChannelMaskerSpec(s.inChannels(), s.height(), s.width() + more(r), s.groups(), s.hidden())));
            if (s.groups() > 1) {
                out.add(new ChannelMaskerSpec(s.inChannels(), s.height(), s.width(), s.groups() + more(r), s.hidden()));
            }
            if (s.hidden() > 0) {
                out.add(new ChannelMaskerSpec(s.inChannels(), s.height(), s.width(), s.groups(), s.hidden() + more(r)));
            }
            return out;
        }
    },
    LAYER_GATE {
        @Override
        public OperatorSpec random(Random r) {
            return new LayerGateSpec(conv(r, false));
        }

        @Override
        public List<OperatorSpec> grown(OperatorSpec spec, Random r) {
            List<OperatorSpec> out = new ArrayList<>();
            for (OperatorSpec c : growConv(((LayerGateSpec) spec).conv1(), r)) {
                out.add(new LayerGateSpec((Conv2dSpec) c));
            }
            return out;
        }
    },
    MAX_POOL {
        @Override
        public OperatorSpec random(Random r) {
            int k = between(r, 1, 5);
            int h = between(r, k, 112);
            int w = r.nextInt(4) == 0 ? between(r, k, 112) : h;
            return new MaxPoolSpec(between(r, 1, 512), h, w, k, between(r, 1, 3), between(r, 0, k / 2));
        }

        @Override
        public List<OperatorSpec> grown(OperatorSpec spec, Random r) {
            MaxPoolSpec s = (MaxPoolSpec) spec;
            return List.of(
                    new MaxPoolSpec(s.channels() + more(r), s.height(), s.width(), s.kernel(), s.stride(), s.padding()),
                    new MaxPoolSpec(s.channels(), s.height() + more(r), s.width(), s.kernel(), s.stride(), s.padding()),
                    new MaxPoolSpec(s.channels(), s.height(), s.width() + more(r), s.kernel(), s.stride(), s.padding()));
        }
    },
    CONCAT {
        @Override
        public OperatorSpec random(Random r) {
            List<Integer> inputs = new ArrayList<>();
            int n = between(r, 2, 6);
            for (int i = 0; i < n; i++) {
                inputs.add(channels(r));
            }
            return new ConcatSpec(inputs, between(r, 1, 56), between(r, 1, 56));
        }

        @Override
        public List<OperatorSpec> grown(OperatorSpec spec, Random r) {
            ConcatSpec s = (ConcatSpec) spec;
            List<Integer> wider = new ArrayList<>(s.inputChannels());
            wider.set(0, wider.get(0) + more(r));
            List<Integer> oneMore = new ArrayList<>(s.inputChannels());
            oneMore.add(channels(r));
            return List.of(new ConcatSpec(wider, s.height(), s.width()),
                    new ConcatSpec(oneMore, s.height(), s.width()),
                    new ConcatSpec(s.inputChannels(), s.height() + more(r), s.width()),
                    new ConcatSpec(s.inputChannels(), s.height(), s.width() + more(r)));
        }
    },
    GRU_CELL {
        @Override
        public OperatorSpec random(Random r) {
            return new GruCellSpec(between(r, 1, 2048), between(r, 1, 1024));
        }

        @Override
        public List<OperatorSpec> grown(OperatorSpec spec, Random r) {
            GruCellSpec s = (GruCellSpec) spec;
            return List.of(new GruCellSpec(s.inputSize() + more(r), s.hiddenSize()),
                    new GruCellSpec(s.inputSize(), s.hiddenSize() + more(r)));
        }
    },
    RESIZE {
        @Override
        public OperatorSpec random(Random r) {
            return new ResizeSpec(between(r, 1, 512), between(r, 1, 112), between(r, 1, 112), between(r, 1, 224),
                    between(r, 1, 224));
        }

        @Override
        public List<OperatorSpec> grown(OperatorSpec spec, Random r) {
            ResizeSpec s = (ResizeSpec) spec;
            return List.of(
                    new ResizeSpec(s.channels() + more(r), s.height(), s.width(), s.outHeight(), s.outWidth()),
                    new ResizeSpec(s.channels(), s.height() + more(r), s.width(), s.outHeight(), s.outWidth()),
                    new ResizeSpec(s.channels(), s.height(), s.width() + more(r), s.outHeight(), s.outWidth()),
                    new ResizeSpec(s.channels(), s.height(), s.width(), s.outHeight() + more(r), s.outWidth()),
                    new ResizeSpec(s.channels(), s.height(), s.width(), s.outHeight(), s.outWidth() + more(r)));
        }
    },
    CROP {
        @Override
        public OperatorSpec random(Random r) {
            int h = between(r, 1, 224);
            int w = between(r, 1, 224);
            return new CropSpec(between(r, 1, 512), h, w, between(r, 1, h), between(r, 1, w));
        }

        @Override
        public List<OperatorSpec> grown(OperatorSpec spec, Random r) {
            CropSpec s = (CropSpec) spec;
            int dh = more(r);
            int dw = more(r);
            return List.of(
                    new CropSpec(s.channels() + more(r), s.height(), s.width(), s.outHeight(), s.outWidth()),
                    new CropSpec(s.channels(), s.height() + dh, s.width(), s.outHeight() + dh, s.outWidth()),
                    new CropSpec(s.channels(), s.height(), s.width() + dw, s.outHeight(), s.outWidth() + dw));
        }
    },
    MASKER_SCHEDULE {
        @Override
        public OperatorSpec random(Random r) {
            MaskerScheduleSpec.Schedule[] all = MaskerScheduleSpec.Schedule.values();
            return new MaskerScheduleSpec((SpatialMaskerSpec) SPATIAL_MASKER.random(r), all[r.nextInt(all.length)]);
        }

        @Override
        public List<OperatorSpec> grown(OperatorSpec spec, Random r) {
            MaskerScheduleSpec s = (MaskerScheduleSpec) spec;
            List<OperatorSpec> out = new ArrayList<>();
            for (OperatorSpec m : SPATIAL_MASKER.grown(s.masker(), r)) {
                out.add(new MaskerScheduleSpec((SpatialMaskerSpec) m, s.schedule()));
            }
            return out;
        }
    };

    /** A random valid spec of this kind. */
    public abstract OperatorSpec random(Random r);

    /** Copies of {@code spec}, each with one size dimension larger and nothing else changed. */
    public abstract List<OperatorSpec> grown(OperatorSpec spec, Random r);

    static int between(Random r, int lo, int hi) {
        return lo + r.nextInt(hi - lo + 1);
    }

    static int more(Random r) {
        return r.nextBoolean() ? 1 : between(r, 1, 64);
    }

    /** A rate: often a "round" one (0, 1, halves), otherwise uniform. */
    static double rate(Random r) {
        double[] special = {0, 1, 0.5, 0.25};
        return r.nextInt(4) == 0 ? special[r.nextInt(special.length)] : r.nextDouble();
    }

    static int channels(Random r) {
        int[] common = {3, 16, 24, 32, 64, 96, 128, 256, 512};
        return r.nextBoolean() ? common[r.nextInt(common.length)] : between(r, 1, 512);
    }

    static TensorShape shape(Random r) {
        return new TensorShape(between(r, 1, 12), between(r, 1, 256), between(r, 1, 1024));
    }

    static List<TensorShape> growShape(TensorShape s, Random r) {
        return List.of(new TensorShape(s.outer() + more(r), s.rows(), s.last()),
                new TensorShape(s.outer(), s.rows() + more(r), s.last()),
                new TensorShape(s.outer(), s.rows(), s.last() + more(r)));
    }

    /**
     * A random valid convolution: dense, grouped or depthwise, kernel 1/3/5/7, stride 1/2, and
     * (when {@code skipping}) channel densities and a channel group.
     */
    public static Conv2dSpec conv(Random r, boolean skipping) {
        int h = between(r, 1, 56);
        int w = r.nextInt(4) == 0 ? between(r, 1, 56) : h;
        int stride = (h >= 2 && w >= 2 && r.nextBoolean()) ? 2 : 1;
        int[] kernels = {1, 1, 3, 3, 5, 7};
        int k = kernels[r.nextInt(kernels.length)];
        int cin;
        int cout;
        int groups;
        switch (r.nextInt(4)) {
            case 0 -> {
                cin = channels(r);
                cout = cin;
                groups = cin;
            }
            case 1 -> {
                groups = 1 << between(r, 1, 3);
                cin = groups * between(r, 1, 32);
                cout = groups * between(r, 1, 32);
            }
            default -> {
                cin = channels(r);
                cout = channels(r);
                groups = 1;
            }
        }
        double inDensity = 1;
        double outDensity = 1;
        int channelGroup = 1;
        if (skipping && r.nextBoolean()) {
            inDensity = r.nextBoolean() ? 1 : rate(r);
            outDensity = rate(r);
            int[] cg = {1, 2, 4, 8, 16, 64};
            channelGroup = cg[r.nextInt(cg.length)];
        }
        if (r.nextInt(3) == 0 && h + 2 * (k / 2) >= k && w + 2 * (k / 2) >= k) {
            // PyTorch padding: output (in + 2p - k) / stride + 1, e.g. "valid" (p = 0) or "same" (p = k/2).
            int padding = r.nextBoolean() ? 0 : k / 2;
            if (h + 2 * padding >= k && w + 2 * padding >= k) {
                return Conv2dSpec.padded(cin, cout, h, w, k, stride, padding, groups)
                        .withDensities(inDensity, outDensity, channelGroup);
            }
        }
        return new Conv2dSpec(cin, cout, h, w, k, stride, groups, inDensity, outDensity, channelGroup);
    }

    /** Larger copies of a conv: more input channels, more output channels, taller, wider. */
    public static List<OperatorSpec> growConv(Conv2dSpec c, Random r) {
        List<OperatorSpec> out = new ArrayList<>();
        int g = c.groups();
        int step = g * more(r);
        boolean depthwise = g == c.inChannels() && g == c.outChannels() && g > 1;
        if (depthwise) {
            int n = c.inChannels() + more(r);
            out.add(withShape(c, n, n, c.inHeight(), c.inWidth(), c.outHeight(), c.outWidth(), n));
        } else {
            out.add(withShape(c, c.inChannels() + step, c.outChannels(), c.inHeight(), c.inWidth(), c.outHeight(),
                    c.outWidth(), g));
            out.add(withShape(c, c.inChannels(), c.outChannels() + step, c.inHeight(), c.inWidth(), c.outHeight(),
                    c.outWidth(), g));
        }
        // A larger map keeps the padding: the output grows by the added rows over the stride.
        int dh = more(r);
        int dw = more(r);
        out.add(withShape(c, c.inChannels(), c.outChannels(), c.inHeight() + dh, c.inWidth(),
                c.outHeight() + dh / c.stride(), c.outWidth(), g));
        out.add(withShape(c, c.inChannels(), c.outChannels(), c.inHeight(), c.inWidth() + dw, c.outHeight(),
                c.outWidth() + dw / c.stride(), g));
        return out;
    }

    private static Conv2dSpec withShape(Conv2dSpec c, int cin, int cout, int h, int w, int outH, int outW, int groups) {
        return new Conv2dSpec(cin, cout, h, w, outH, outW, c.kernel(), c.stride(), groups, c.inDensity(),
                c.outDensity(), c.channelGroup());
    }
}
