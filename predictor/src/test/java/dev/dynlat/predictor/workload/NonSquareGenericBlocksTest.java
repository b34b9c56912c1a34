package dev.dynlat.predictor.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.operators.lowering.BlockDynamics;
import dev.dynlat.operators.lowering.CalibratedComposition;
import dev.dynlat.operators.lowering.ResidualLowering;
import dev.dynlat.operators.lowering.Shortcut;
import dev.dynlat.predictor.engine.BlockLoweringInputs;
import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.spec.ChannelMaskerSpec;
import dev.dynlat.operators.spec.GatherSpec;
import dev.dynlat.operators.spec.NormSpec;
import dev.dynlat.operators.spec.OperatorSpec;
import dev.dynlat.operators.spec.ScatterSpec;
import dev.dynlat.operators.yaml.YamlException;
import dev.dynlat.predictor.dynamic.CnnDynamics;
import dev.dynlat.predictor.dynamic.Paradigm;
import dev.dynlat.predictor.engine.Prediction;
import dev.dynlat.predictor.engine.Predictor;
import dev.dynlat.predictor.engine.BlockGraphs;
import dev.dynlat.predictor.engine.TestProfiles;
import dev.dynlat.predictor.engine.Workload;
import dev.dynlat.predictor.schedule.Schedule;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Generic {@code residual} blocks and templates on inputs of any shape: ConvNeXt-Tiny at
 * 800×1333 against a count from its architecture, every paradigm on a map taller than wide and its
 * transpose, a strided body with a projection on odd sides, and a token network built from a
 * template of transformer-encoder blocks.
 */
class NonSquareGenericBlocksTest {
    private static final Path CONVNEXT = Path.of("..", "src", "examples", "networks", "convnext-tiny.yaml");

    private static Network resolve(String yaml) {
        NetworkDescription d = NetworkLoader.parse(yaml, "t.yaml");
        return NetworkResolver.resolve(d, d.input(), "t.yaml");
    }

    private static Network convnext(String size) {
        return NetworkLoader.load("--input", CONVNEXT, InputShape.Size.parse(size));
    }

    /** PyTorch's output side of a padded window op. */
    private static int out(int in, int k, int s, int p) {
        return (in + 2 * p - k) / s + 1;
    }

    /**
     * ConvNeXt-Tiny's multiply-accumulates on an h×w image, counted per side from its
     * architecture: a 4x4/4 stem, 3-3-9-3 blocks at 96-192-384-768 (depthwise 7x7, 1x1 C→4C, 1x1
     * 4C→C), a 2x2/2 conv between stages, an FC 768→1000.
     */
    private static double convnextTinyMacs(int h, int w) {
        int[] depths = {3, 3, 9, 3};
        int[] widths = {96, 192, 384, 768};
        h = out(h, 4, 4, 0);
        w = out(w, 4, 4, 0);
        double macs = (double) h * w * 96 * 3 * 4 * 4;
        for (int s = 0; s < 4; s++) {
            int c = widths[s];
            if (s > 0) {
                h = out(h, 2, 2, 0);
                w = out(w, 2, 2, 0);
                macs += (double) h * w * c * widths[s - 1] * 2 * 2;
            }
            double pixels = (double) h * w;
            macs += depths[s] * (pixels * c * 7 * 7 + 2 * pixels * c * 4 * c);
        }
        return macs + 768.0 * 1000;
    }

    @Test
    void convnextTinyAtCocoSizeHasTheMacsOfItsArchitecture() {
        assertEquals(4.456, Math.round(convnextTinyMacs(224, 224) / 1e6) / 1e3, 1e-9, "the count at 224 is torchvision's");
        Network n = convnext("800x1333");
        assertEquals(convnextTinyMacs(800, 1333), n.denseMacs(), 1e-3);
        int[][] sides = {{200, 333}, {100, 166}, {50, 83}, {25, 41}};
        for (int i = 0; i < 4; i++) {
            for (ResidualBlock b : n.residualStages().get(i).blocks()) {
                assertEquals(sides[i][0], b.outHeight(), b.name());
                assertEquals(sides[i][1], b.outWidth(), b.name());
                assertEquals(b.inHeight(), b.outHeight(), b.name());
            }
            assertEquals(sides[i][1], n.residualStages().get(i).outSize(), "a stage's size is its longer side");
        }
        assertEquals(new InputShape.Image(3, 800, 1333), n.input());
    }

    /**
     * A granularity up to the longer side fits (S = 32 and 41 on stage4's 25x41 map) and one above
     * it does not; every paradigm predicts; spatial at rate 1 is no faster than static, and with
     * small patches executes fewer MACs at 0.5.
     */
    @Test
    void convnextTinyAtCocoSizePredictsInEveryMode() {
        Network n = convnext("800x1333");
        for (ModelVariant v : ModelVariant.values()) {
            Predictor p = new Predictor(TestProfiles.withNeutralCalibration("v100"), v, Schedule.defaults());
            Prediction dense = p.predict(Workload.dense(n));
            for (int[] s : new int[][] {{1, 1, 1, 1}, {4, 4, 2, 1}, {8, 16, 32, 41}}) {
                double full = p.predict(workload(n, Paradigm.SPATIAL, s, 1.0)).latencyMs();
                assertTrue(full / dense.latencyMs() >= 0.98, v.id() + " S=" + Arrays.toString(s) + " at rate 1: "
                        + full + " ms vs static " + dense.latencyMs());
                Prediction half = p.predict(workload(n, Paradigm.SPATIAL, s, 0.5));
                assertTrue(Double.isFinite(half.latencyMs()) && half.latencyMs() > 0, v.id() + " S=" + Arrays.toString(s));
                if (s[3] == 1) {
                    // Small patches: half of them, with their halos, is well under the whole map (one
                    // 41-wide patch on stage4 is the whole map whatever the rate).
                    assertTrue(half.executedMacs() < 0.75 * dense.executedMacs(), v.id() + " S=" + Arrays.toString(s));
                }
            }
            double channel = p.predict(workload(n, Paradigm.CHANNEL, new int[] {16, 16, 16, 16}, 0.25)).latencyMs();
            double layer = p.predict(workload(n, Paradigm.LAYER, new int[] {1, 1, 1, 1}, 0.5)).latencyMs();
            assertTrue(channel > 0 && channel < dense.latencyMs(), v.id() + " channel " + channel);
            assertTrue(layer > 0 && layer < dense.latencyMs(), v.id() + " layer " + layer);
        }
        CnnDynamics tooCoarse = CnnDynamics.uniform(Paradigm.SPATIAL, n, new int[] {1, 1, 1, 42}, 0.5);
        assertThrows(IllegalArgumentException.class, () -> tooCoarse.validate(n), "42 exceeds stage4's 41 columns");
    }

    /** The work of a map and of its transpose is the same: patches cover each side alike. */
    @Test
    void transposedInputExecutesTheSameWork() {
        Network wide = convnext("800x1333");
        Network tall = convnext("1333x800");
        assertEquals(wide.denseMacs(), tall.denseMacs(), 1e-3);
        Predictor p = new Predictor(TestProfiles.withNeutralCalibration("tx2"), ModelVariant.CALIBRATED,
                Schedule.defaults());
        for (Paradigm paradigm : new Paradigm[] {Paradigm.SPATIAL, Paradigm.CHANNEL}) {
            int[] s = paradigm == Paradigm.SPATIAL ? new int[] {4, 8, 2, 32} : new int[] {16, 16, 16, 16};
            double a = p.predict(workload(wide, paradigm, s, 0.4)).executedMacs();
            double b = p.predict(workload(tall, paradigm, s, 0.4)).executedMacs();
            assertEquals(a, b, 1e-9 * a, paradigm.toString());
        }
    }

    private static Workload workload(Network n, Paradigm paradigm, int[] perStage, double rate) {
        CnnDynamics d = CnnDynamics.uniform(paradigm, n, perStage, rate);
        d.validate(n);
        return new Workload(n, d);
    }

    private static final String STRIDED = """
            network: strided
            input: {channels: 32, height: 45, width: 67}
            templates:
              down:
                params: [out, pad]
                nodes:
                  - id: blk
                    block: residual
                    body:
                      - {op: conv, out: $out, kernel: 3, stride: 2, padding: $pad}
                      - {op: layer-norm}
                      - {op: conv, out: $out, kernel: 3}
            stages:
              - stage: s
                nodes:
                  - {id: d1, template: down, with: {out: 64, pad: %d}}
            """;

    /**
     * A strided body with a projection on odd sides (45x67 → 23x34, as a 1x1/2 conv gives), and the
     * composers' operators on each side of their maps: masker and gather on the 45x67 input,
     * scatter on the 23x34 output, the norm on 23x34 positions of kept channels.
     */
    @Test
    void stridedBodyOnOddSidesUsesEachSide() {
        Network n = resolve(STRIDED.formatted(1));
        ResidualBlock b = n.residualStages().get(0).blocks().get(0);
        assertEquals(Shortcut.PROJECTION, b.shortcut());
        assertEquals(List.of(45, 67, 23, 34), List.of(b.inHeight(), b.inWidth(), b.outHeight(), b.outWidth()));
        Schedule gatherKernel = new Schedule(Schedule.MaskerFusion.AUTO, Schedule.GatherMode.KERNEL, true, 0, null, 2);
        List<OperatorSpec> spatial = specs(BlockGraphs.uses(ResidualLowering.lower(b.description(),
                BlockDynamics.spatial(4, 0.5), BlockLoweringInputs.schedule(gatherKernel), CalibratedComposition.INSTANCE)));
        GatherSpec gather = only(spatial, GatherSpec.class);
        assertEquals(List.of(45, 67), List.of(gather.height(), gather.width()));
        ScatterSpec scatter = only(spatial, ScatterSpec.class);
        assertEquals(List.of(23, 34), List.of(scatter.height(), scatter.width()));
        List<OperatorSpec> channel = specs(BlockGraphs.uses(ResidualLowering.lower(b.description(),
                BlockDynamics.channel(16, 0.5), BlockLoweringInputs.schedule(Schedule.defaults()), CalibratedComposition.INSTANCE)));
        ChannelMaskerSpec masker = only(channel, ChannelMaskerSpec.class);
        assertEquals(List.of(45, 67), List.of(masker.height(), masker.width()));
        NormSpec norm = only(channel, NormSpec.class);
        assertEquals(23L * 34, norm.shape().rows());
        assertEquals(32, norm.shape().last(), "half of 64 channels kept");
    }

    @Test
    void projectionMismatchNamesBothSides() {
        YamlException e = assertThrows(YamlException.class, () -> resolve(STRIDED.formatted(0)));
        assertTrue(e.getMessage().contains("a 1x1/2 projection of the 32x45x67 input gives 23x34 pixels, the body"
                + " gives 22x33"), e.getMessage());
    }

    /** Export writes the height and width and the templates back; the file loads to the same network. */
    @Test
    void nonSquareTemplateNetworkExportsAndLoadsBack() {
        NetworkDescription d = NetworkLoader.parse(STRIDED.formatted(1), "t.yaml");
        String text = NetworkWriter.write(d, d.input());
        assertTrue(text.contains("input: {channels: 32, height: 45, width: 67}"), text);
        assertTrue(text.contains("padding: $pad"), text);
        Network original = NetworkResolver.resolve(d, d.input(), "t.yaml");
        NetworkDescription back = NetworkLoader.parse(text, "export.yaml");
        Network again = NetworkResolver.resolve(back, back.input(), "export.yaml");
        assertEquals(original.denseMacs(), again.denseMacs());
        assertEquals(original.residualStages(), again.residualStages());
    }

    private static final String DECODER = """
            network: decoder
            input: {tokens: 96, width: 128}
            %s
            stages:
              - stage: embeddings
                nodes:
                  - {id: wte, op: embedding, vocab: 1000}
                  - {id: wpe, op: position-embedding}
              - stage: layers
                nodes:
            %s
            """;

    /**
     * A token network whose layers are template uses passing {@code norm} and {@code causal}
     * lowers exactly as the same layers written as blocks (pre-norm causal and post-norm ones).
     */
    @Test
    void encoderTemplatesOnTokenInputsMatchTheBlocksTheyExpandTo() {
        String templates = """
                templates:
                  layer:
                    params: [norm, causal]
                    nodes:
                      - {id: enc, block: transformer-encoder, heads: 4, norm: $norm, causal: $causal}
                """;
        Network viaTemplates = resolve(DECODER.formatted(templates, """
                      - {id: h, template: layer, repeat: 3, with: {norm: pre, causal: true}}
                      - {id: b, template: layer, with: {norm: post, causal: false}}
                """));
        Network direct = resolve(DECODER.formatted("", """
                      - {id: h, block: transformer-encoder, heads: 4, norm: pre, causal: true, repeat: 3}
                      - {id: b, block: transformer-encoder, heads: 4, norm: post}
                """));
        assertEquals(new InputShape.Tokens(96, 128), viaTemplates.input());
        assertEquals(List.of(true, true, true, false), viaTemplates.encoders().stream().map(EncoderNode::causal).toList());
        assertEquals(List.of(false, false, false, true),
                viaTemplates.encoders().stream().map(EncoderNode::postNorm).toList());
        assertEquals(direct.denseMacs(), viaTemplates.denseMacs());
        for (ModelVariant v : ModelVariant.values()) {
            Predictor p = new Predictor(TestProfiles.withNeutralCalibration("v100"), v, Schedule.defaults());
            Prediction a = p.predict(Workload.dense(viaTemplates));
            Prediction b = p.predict(Workload.dense(direct));
            assertEquals(b.latencyMs(), a.latencyMs(), 1e-12, v.id());
            assertEquals(b.executedMacs(), a.executedMacs(), 1e-6, v.id());
        }
        Network postEverywhere = resolve(DECODER.formatted(templates, """
                      - {id: h, template: layer, repeat: 4, with: {norm: post, causal: false}}
                """));
        assertTrue(postEverywhere.encoders().stream().noneMatch(EncoderNode::causal));
    }

    private static List<OperatorSpec> specs(List<OperatorUse> uses) {
        return uses.stream().map(OperatorUse::spec).toList();
    }

    private static <T> T only(List<OperatorSpec> specs, Class<T> type) {
        List<T> found = specs.stream().filter(type::isInstance).map(type::cast).toList();
        assertEquals(1, found.size(), type.getSimpleName() + " in " + specs);
        return found.get(0);
    }
}
