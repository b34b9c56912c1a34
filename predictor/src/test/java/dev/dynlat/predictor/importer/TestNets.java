package dev.dynlat.predictor.importer;

import static dev.dynlat.predictor.importer.TestGraph.f;
import static dev.dynlat.predictor.importer.TestGraph.i;
import static dev.dynlat.predictor.importer.TestGraph.ints;


/**
 * Reference networks written as ONNX graphs the way torch.onnx exports them (torchvision ResNet and
 * MobileNetV2, a ViT-style transformer encoder), each with its MACs counted here from the shapes
 * the test itself tracks, independently of the importer.
 */
final class TestNets {
    private TestNets() {
    }

    /** A tensor being built: its name and NCHW sizes (per sample). */
    record T(String name, long c, long h, long w) {
    }

    /** A graph with a running MAC count. */
    static final class Net {
        final TestGraph g;
        double macs;
        boolean batchNorm = true;

        Net(int opset) {
            g = new TestGraph(opset);
        }

        T image(long c, long size) {
            return new T(g.input("image", new long[] {1, c, size, size}), c, size, size);
        }

        /**
         * An image whose batch, height and width the file leaves dynamic (torch.onnx's
         * dynamic_axes); the test tracks its MACs at {@code h × w}, the size it will import at.
         */
        T dynamicImage(long c, long h, long w) {
            return new T(g.input("image", new long[] {-1, c, -1, -1}, "batch", "", "height", "width"), c, h, w);
        }

        T conv(T x, long out, int k, int s, int p, long groups) {
            long ho = (x.h() + 2L * p - k) / s + 1;
            long wo = (x.w() + 2L * p - k) / s + 1;
            macs += (double) out * (x.c() / groups) * k * k * ho * wo;
            String y = batchNorm
                    ? g.node("Conv", new String[] {x.name(), g.weight(out, x.c() / groups, k, k)},
                            ints("kernel_shape", k, k), ints("strides", s, s), ints("pads", p, p, p, p), i("group", groups))
                    : g.node("Conv", new String[] {x.name(), g.weight(out, x.c() / groups, k, k), g.weight(out)},
                            ints("strides", s, s), ints("pads", p, p, p, p), i("group", groups),
                            ints("dilations", 1, 1));
            if (batchNorm) {
                y = g.node("BatchNormalization", new String[] {y, g.weight(out), g.weight(out), g.weight(out),
                    g.weight(out)}, f("epsilon", 1e-5));
            }
            return new T(y, out, ho, wo);
        }

        T relu(T x) {
            return new T(g.node("Relu", x.name()), x.c(), x.h(), x.w());
        }

        T relu6(T x) {
            String y = g.opset < 11 ? g.node("Clip", x.name(), f("min", 0), f("max", 6))
                    : g.node("Clip", new String[] {x.name(), g.scalar(0), g.scalar(6)});
            return new T(y, x.c(), x.h(), x.w());
        }

        T add(T a, T b) {
            return new T(g.node("Add", new String[] {a.name(), b.name()}), a.c(), a.h(), a.w());
        }

        T maxPool(T x, int k, int s, int p) {
            long ho = (x.h() + 2L * p - k) / s + 1;
            long wo = (x.w() + 2L * p - k) / s + 1;
            return new T(g.node("MaxPool", x.name(), ints("kernel_shape", k, k), ints("strides", s, s),
                    ints("pads", p, p, p, p)), x.c(), ho, wo);
        }

        /** Global pool, flatten, fully connected (Gemm with transB as torch writes nn.Linear). */
        String classifier(T x, long classes) {
            String pooled = g.node("GlobalAveragePool", x.name());
            String flat = g.node("Flatten", pooled, i("axis", 1));
            macs += (double) x.c() * classes;
            String logits = g.node("Gemm", new String[] {flat, g.weight(classes, x.c()), g.weight(classes)},
                    f("alpha", 1), f("beta", 1), i("transB", 1));
            g.output(logits);
            return logits;
        }
    }

    static T basic(Net n, T x, long out, int s) {
        T y = n.relu(n.conv(x, out, 3, s, 1, 1));
        y = n.conv(y, out, 3, 1, 1, 1);
        T sc = s != 1 || x.c() != out ? n.conv(x, out, 1, s, 0, 1) : x;
        return n.relu(n.add(y, sc));
    }

    static T bottleneck(Net n, T x, long width, long out, int s) {
        T y = n.relu(n.conv(x, width, 1, 1, 0, 1));
        y = n.relu(n.conv(y, width, 3, s, 1, 1));
        y = n.conv(y, out, 1, 1, 0, 1);
        // torchvision adds the shortcut second: out += identity.
        T sc = s != 1 || x.c() != out ? n.conv(x, out, 1, s, 0, 1) : x;
        return n.relu(n.add(y, sc));
    }

    /** torchvision resnet18 (basic) or resnet50 (bottleneck), ImageNet head. */
    static Net resnet(int depth, int opset, long size, boolean batchNorm) {
        Net n = new Net(opset);
        n.batchNorm = batchNorm;
        return resnetBody(n, depth, n.image(3, size));
    }

    /** The same with a dynamic image input, its MACs counted at {@code h × w}. */
    static Net resnetDynamic(int depth, int opset, long h, long w) {
        Net n = new Net(opset);
        n.batchNorm = false;
        return resnetBody(n, depth, n.dynamicImage(3, h, w));
    }

    private static Net resnetBody(Net n, int depth, T image) {
        T x = image;
        x = n.maxPool(n.relu(n.conv(x, 64, 7, 2, 3, 1)), 3, 2, 1);
        int[] blocks = depth == 18 ? new int[] {2, 2, 2, 2} : new int[] {3, 4, 6, 3};
        long[] widths = {64, 128, 256, 512};
        for (int st = 0; st < 4; st++) {
            for (int b = 0; b < blocks[st]; b++) {
                int s = st > 0 && b == 0 ? 2 : 1;
                x = depth == 18 ? basic(n, x, widths[st], s) : bottleneck(n, x, widths[st], widths[st] * 4, s);
            }
        }
        n.classifier(x, 1000);
        return n;
    }

    /** torchvision mobilenet_v2 (width 1.0): inverted residuals with ReLU6 written as Clip. */
    static Net mobilenetV2(int opset, long size) {
        Net n = new Net(opset);
        T x = n.relu6(n.conv(n.image(3, size), 32, 3, 2, 1, 1));
        int[][] settings = {{1, 16, 1, 1}, {6, 24, 2, 2}, {6, 32, 3, 2}, {6, 64, 4, 2}, {6, 96, 3, 1},
            {6, 160, 3, 2}, {6, 320, 1, 1}};
        for (int[] st : settings) {
            for (int b = 0; b < st[2]; b++) {
                int s = b == 0 ? st[3] : 1;
                long hidden = x.c() * st[0];
                T y = x;
                if (st[0] != 1) {
                    y = n.relu6(n.conv(y, hidden, 1, 1, 0, 1));
                }
                y = n.relu6(n.conv(y, hidden, 3, s, 1, hidden));
                y = n.conv(y, st[1], 1, 1, 0, 1);
                x = s == 1 && x.c() == st[1] ? n.add(x, y) : y;
            }
        }
        x = n.relu6(n.conv(x, 1280, 1, 1, 0, 1));
        n.classifier(x, 1000);
        return n;
    }

    /** A conv with bias and no batch norm (as exported with BN folded), then an activation op. */
    static T convAct(Net n, T x, long out, int k, int s, long groups, String act) {
        boolean bn = n.batchNorm;
        n.batchNorm = false;
        T y = n.conv(x, out, k, s, k / 2, groups);
        n.batchNorm = bn;
        return act == null ? y : new T(n.g.node(act, y.name()), y.c(), y.h(), y.w());
    }

    /**
     * timm mobilenetv3_large_100 as the zoo's mobilenetv3-large-1.0 describes it: HardSwish ops
     * (opset 14), squeeze-excitation with 1×1 convs, ReLU and HardSigmoid, BN folded into biases.
     */
    static Net mobilenetV3Large() {
        Net n = new Net(14);
        T x = convAct(n, n.image(3, 224), 16, 3, 2, 1, "HardSwish");
        // out, expand, kernel, stride, se, activation (as in the zoo file).
        Object[][] blocks = {{16, 16, 3, 1, 0, "Relu"}, {24, 64, 3, 2, 0, "Relu"}, {24, 72, 3, 1, 0, "Relu"},
            {40, 72, 5, 2, 24, "Relu"}, {40, 120, 5, 1, 32, "Relu"}, {40, 120, 5, 1, 32, "Relu"},
            {80, 240, 3, 2, 0, "HardSwish"}, {80, 200, 3, 1, 0, "HardSwish"}, {80, 184, 3, 1, 0, "HardSwish"},
            {80, 184, 3, 1, 0, "HardSwish"}, {112, 480, 3, 1, 120, "HardSwish"}, {112, 672, 3, 1, 168, "HardSwish"},
            {160, 672, 5, 2, 168, "HardSwish"}, {160, 960, 5, 1, 240, "HardSwish"}, {160, 960, 5, 1, 240, "HardSwish"}};
        for (Object[] b : blocks) {
            long out = (Integer) b[0];
            long e = (Integer) b[1];
            int k = (Integer) b[2];
            int s = (Integer) b[3];
            int se = (Integer) b[4];
            String act = (String) b[5];
            T y = e == x.c() ? x : convAct(n, x, e, 1, 1, 1, act);
            y = convAct(n, y, e, k, s, e, act);
            if (se > 0) {
                String pooled = n.g.node("GlobalAveragePool", y.name());
                T p = new T(pooled, e, 1, 1);
                T r = convAct(n, p, se, 1, 1, 1, "Relu");
                String gate = n.g.node("HardSigmoid", convAct(n, r, e, 1, 1, 1, null).name(),
                        TestGraph.f("alpha", 1.0 / 6), TestGraph.f("beta", 0.5));
                y = new T(n.g.node("Mul", new String[] {y.name(), gate}), e, y.h(), y.w());
            }
            y = convAct(n, y, out, 1, 1, 1, null);
            x = s == 1 && x.c() == out ? n.add(y, x) : y;
        }
        x = convAct(n, x, 960, 1, 1, 1, "HardSwish");
        T pooled = new T(n.g.node("GlobalAveragePool", x.name()), 960, 1, 1);
        T head = convAct(n, pooled, 1280, 1, 1, 1, "HardSwish");
        String flat = n.g.node("Flatten", head.name(), i("axis", 1));
        n.macs += 1280.0 * 1000;
        n.g.output(n.g.node("Gemm", new String[] {flat, n.g.weight(1000, 1280), n.g.weight(1000)}, i("transB", 1)));
        return n;
    }
}
