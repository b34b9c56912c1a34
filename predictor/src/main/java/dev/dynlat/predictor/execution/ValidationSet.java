package dev.dynlat.predictor.execution;

import dev.dynlat.predictor.dynamic.Paradigm;
import dev.dynlat.predictor.workload.NetworkZoo;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole-network configurations {@code dynlat validate} runs. None of them, nor any of their
 * layer shapes, is timed by the calibration suite, so every one is held out from the fit (the
 * suite's widest conv at 56×56 has 32 channels, ResNet-50's narrowest has 64). Chosen before any
 * validation error was seen; the model is not tuned on them.
 */
public final class ValidationSet {
    public static final double[] RATES = {0.25, 0.5, 0.75};
    static final int[] S4421 = {4, 4, 2, 1};
    static final int[] S8421 = {8, 4, 2, 1};
    /** Models in the order they are reported; mobilenetv3-large-1.0 joins when the zoo has it. */
    static final List<String> MODELS = List.of("resnet50", "regnety-800mf", "mobilenetv3-large-1.0");

    private ValidationSet() {
    }

    /** Models of {@link #MODELS} the zoo holds. */
    public static List<String> models() {
        return MODELS.stream().filter(NetworkZoo.NAMES::contains).toList();
    }

    /**
     * Every model × {static, spatial 4-4-2-1 and 8-4-2-1, channel G = 2 and 4 (convs without
     * groups only: the native channel-skipping kernel has no grouped form), layer} × rates 0.25,
     * 0.5, 0.75 × batch 1 and 8.
     */
    public static List<ValidationCase> full() {
        List<ValidationCase> out = new ArrayList<>();
        for (int batch : new int[] {1, 8}) {
            for (String m : models()) {
                out.add(new ValidationCase(m, Paradigm.STATIC, new int[] {1, 1, 1, 1}, 1, batch));
                for (double r : RATES) {
                    if (spatial(m)) {
                        out.add(new ValidationCase(m, Paradigm.SPATIAL, S4421, r, batch));
                        out.add(new ValidationCase(m, Paradigm.SPATIAL, S8421, r, batch));
                    }
                    if (m.equals("resnet50")) {
                        out.add(new ValidationCase(m, Paradigm.CHANNEL, new int[] {2, 2, 2, 2}, r, batch));
                        out.add(new ValidationCase(m, Paradigm.CHANNEL, new int[] {4, 4, 4, 4}, r, batch));
                    }
                    out.add(new ValidationCase(m, Paradigm.LAYER, new int[] {1, 1, 1, 1}, r, batch));
                }
            }
        }
        return out;
    }

    /**
     * Whether spatial skipping runs natively: the fused masker is an extra output channel of a dense
     * 1×1 first conv, and MobileNetV3's first block starts with a depthwise conv.
     */
    static boolean spatial(String model) {
        return !model.startsWith("mobilenet");
    }

    /**
     * The quick set, at least 24 configurations: every model × paradigm × batch at rate 0.5
     * (spatial 4-4-2-1, channel G = 4) and, at batch 1, the other rates and options of ResNet-50
     * (spatial 4-4-2-1 at 0.25 and 0.75, 8-4-2-1 at 0.5, channel G = 2 at 0.5, layer at 0.25 and
     * 0.75) and RegNetY-800MF spatial 8-4-2-1 at 0.5.
     */
    public static List<ValidationCase> quick() {
        List<ValidationCase> out = new ArrayList<>();
        for (int batch : new int[] {1, 8}) {
            for (String m : models()) {
                out.add(new ValidationCase(m, Paradigm.STATIC, new int[] {1, 1, 1, 1}, 1, batch));
                if (spatial(m)) {
                    out.add(new ValidationCase(m, Paradigm.SPATIAL, S4421, 0.5, batch));
                }
                if (m.equals("resnet50")) {
                    out.add(new ValidationCase(m, Paradigm.CHANNEL, new int[] {4, 4, 4, 4}, 0.5, batch));
                }
                out.add(new ValidationCase(m, Paradigm.LAYER, new int[] {1, 1, 1, 1}, 0.5, batch));
                if (batch == 1 && m.equals("resnet50")) {
                    out.add(new ValidationCase(m, Paradigm.SPATIAL, S4421, 0.25, batch));
                    out.add(new ValidationCase(m, Paradigm.SPATIAL, S4421, 0.75, batch));
                    out.add(new ValidationCase(m, Paradigm.SPATIAL, S8421, 0.5, batch));
                    out.add(new ValidationCase(m, Paradigm.CHANNEL, new int[] {2, 2, 2, 2}, 0.5, batch));
                    out.add(new ValidationCase(m, Paradigm.LAYER, new int[] {1, 1, 1, 1}, 0.25, batch));
                    out.add(new ValidationCase(m, Paradigm.LAYER, new int[] {1, 1, 1, 1}, 0.75, batch));
                }
                if (batch == 1 && m.equals("regnety-800mf")) {
                    out.add(new ValidationCase(m, Paradigm.SPATIAL, S8421, 0.5, batch));
                }
            }
        }
        return out;
    }
}
