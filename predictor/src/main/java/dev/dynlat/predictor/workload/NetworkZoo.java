package dev.dynlat.predictor.workload;

import dev.dynlat.operators.spec.AvgPoolSpec;
import dev.dynlat.operators.spec.Conv2dSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The built-in networks. CNNs follow torchvision (ResNet v1.5 with the stride on the 3×3 conv;
 * RegNetY with SE of squeeze round(0.25 × block input channels)) at 224×224 input; the ViTs follow
 * the AdaViT simulation of LAUDNet (T2T-ViT-19) and DeiT-S.
 */
public final class NetworkZoo {
    private static final int IMAGE = 224;
    private static final int CLASSES = 1000;

    private static final Map<String, Supplier<Network>> MODELS = Map.of(
            "resnet50", () -> resnet("resnet50", new int[] {3, 4, 6, 3}),
            "resnet101", () -> resnet("resnet101", new int[] {3, 4, 23, 3}),
            "regnety-400mf", () -> regnety("regnety-400mf", new int[] {48, 104, 208, 440}, new int[] {1, 3, 6, 6}, 8),
            "regnety-800mf", () -> regnety("regnety-800mf", new int[] {64, 144, 320, 784}, new int[] {1, 3, 8, 2}, 16),
            "t2t-vit-19", () -> new VisionTransformer("t2t-vit-19", VisionTransformer.Embedding.T2T, 448, 19, 7, 3,
                    197, CLASSES),
            "deit-s", () -> new VisionTransformer("deit-s", VisionTransformer.Embedding.PATCH16, 384, 12, 6, 4, 197,
                    CLASSES));

    /** Model names in a stable order. */
    public static final List<String> NAMES = List.of("resnet50", "resnet101", "regnety-400mf", "regnety-800mf",
            "t2t-vit-19", "deit-s");

    private NetworkZoo() {
    }

    public static Network get(String name) {
        Supplier<Network> s = MODELS.get(name);
        if (s == null) {
            throw new IllegalArgumentException("model: unknown model '" + name + "'; known models: "
                    + String.join(", ", NAMES));
        }
        return s.get();
    }

    private static ResidualNetwork resnet(String name, int[] depths) {
        int[] widths = {64, 128, 256, 512};
        List<NamedOperator> stem = List.of(
                new NamedOperator("conv1 7x7/2", Conv2dSpec.dense(3, 64, IMAGE, IMAGE, 7, 2, 1)),
                new NamedOperator("maxpool 3x3/2", new AvgPoolSpec(64, 112, 112, 56, 56)));
        List<Stage> stages = new ArrayList<>();
        int in = 64;
        int size = 56;
        for (int s = 0; s < 4; s++) {
            int out = widths[s] * 4;
            int stride = s == 0 ? 1 : 2;
            List<ResidualBlock> blocks = new ArrayList<>();
            for (int i = 0; i < depths[s]; i++) {
                int blockStride = i == 0 ? stride : 1;
                blocks.add(new ResidualBlock("layer" + (s + 1) + "." + i, in, widths[s], out, size, blockStride, 1, 0));
                size /= blockStride;
                in = out;
            }
            stages.add(new Stage("layer" + (s + 1), size, blocks));
        }
        return new ResidualNetwork(name, stem, stages, head(in));
    }

    private static ResidualNetwork regnety(String name, int[] widths, int[] depths, int groupWidth) {
        List<NamedOperator> stem = List.of(new NamedOperator("stem 3x3/2", Conv2dSpec.dense(3, 32, IMAGE, IMAGE, 3, 2, 1)));
        List<Stage> stages = new ArrayList<>();
        int in = 32;
        int size = 112;
        for (int s = 0; s < 4; s++) {
            int out = widths[s];
            List<ResidualBlock> blocks = new ArrayList<>();
            for (int i = 0; i < depths[s]; i++) {
                int stride = i == 0 ? 2 : 1;
                int squeeze = (int) Math.rint(0.25 * in);
                blocks.add(new ResidualBlock("trunk" + (s + 1) + "." + i, in, out, out, size, stride,
                        out / groupWidth, squeeze));
                size /= stride;
                in = out;
            }
            stages.add(new Stage("trunk" + (s + 1), size, blocks));
        }
        return new ResidualNetwork(name, stem, stages, head(in));
    }

    private static List<NamedOperator> head(int channels) {
        return List.of(new NamedOperator("avgpool", new AvgPoolSpec(channels, 7, 7, 1, 1)),
                new NamedOperator("fc", Conv2dSpec.dense(channels, CLASSES, 1, 1, 1, 1, 1)));
    }
}
