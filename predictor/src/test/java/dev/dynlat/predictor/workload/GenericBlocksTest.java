package dev.dynlat.predictor.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.operators.lowering.BlockDynamics;
import dev.dynlat.operators.lowering.CalibratedComposition;
import dev.dynlat.operators.lowering.ResidualLowering;
import dev.dynlat.predictor.engine.BlockLoweringInputs;
import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.profile.DeviceCatalog;
import dev.dynlat.operators.profile.DeviceProfile;
import dev.dynlat.operators.spec.GatherSpec;
import dev.dynlat.operators.spec.NormSpec;
import dev.dynlat.operators.spec.SpatialConvSpec;
import dev.dynlat.predictor.dynamic.CnnDynamics;
import dev.dynlat.predictor.dynamic.Paradigm;
import dev.dynlat.predictor.engine.Prediction;
import dev.dynlat.predictor.engine.Predictor;
import dev.dynlat.predictor.engine.BlockGraphs;
import dev.dynlat.predictor.engine.TestProfiles;
import dev.dynlat.predictor.engine.Workload;
import dev.dynlat.predictor.schedule.Schedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The generic {@code residual} block, layer norm on maps, per-channel scale and templates:
 * ConvNeXt-Tiny's MACs against a count from its architecture, predictions in every paradigm, and
 * a generic body identical to a zoo block lowering exactly as that block does.
 */
class GenericBlocksTest {
    private static final Path CONVNEXT = Path.of("..", "src", "examples", "networks", "convnext-tiny.yaml");
    private static final String[] DEVICES = {"v100", "tx2"};

    private static Predictor predictor(String device, ModelVariant v) {
        DeviceProfile p = v == ModelVariant.LAUDNET ? DeviceCatalog.load(device)
                : TestProfiles.withNeutralCalibration(device);
        return new Predictor(p, v, Schedule.defaults());
    }

    /**
     * ConvNeXt-Tiny's multiply-accumulates from its architecture: a 4x4/4 stem 3→96, stages of
     * 3-3-9-3 blocks at widths 96-192-384-768 (depthwise 7x7, 1x1 C→4C, 1x1 4C→C), a 2x2/2 conv
     * between stages, and an FC 768→1000. Norms, GELU, layer scale and the residual add have no MACs
     * (torchvision's 4.456 G counts convs and linears, as fvcore does).
     */
    private static double convnextTinyMacs() {
        int[] depths = {3, 3, 9, 3};
        int[] widths = {96, 192, 384, 768};
        int side = 224 / 4;
        double macs = (double) side * side * 96 * 3 * 4 * 4;
        for (int s = 0; s < 4; s++) {
            int c = widths[s];
            if (s > 0) {
                side /= 2;
                macs += (double) side * side * c * widths[s - 1] * 2 * 2;
            }
            double pixels = (double) side * side;
            double block = pixels * c * 7 * 7 + 2 * pixels * c * 4 * c;
            macs += depths[s] * block;
        }
        return macs + 768.0 * 1000;
    }

    @Test
    void convnextTinyHasTheMacsOfItsArchitecture() {
        Network n = NetworkLoader.load(CONVNEXT, 0);
        assertEquals(convnextTinyMacs(), n.denseMacs(), 1e-3);
        assertEquals(4.456, Math.round(n.denseMacs() / 1e6) / 1e3, 1e-9, "torchvision's published count");
        assertEquals(18, n.residualStages().stream().mapToInt(s -> s.blocks().size()).sum());
        assertEquals(List.of(56, 28, 14, 7), n.residualStages().stream().map(Stage::outSize).toList());
        assertEquals("stage3.8", n.residualStages().get(2).blocks().get(8).name());
    }

    @Test
    void convnextTinyFileIsShort() throws IOException {
        long nodeLines = Files.readAllLines(CONVNEXT).stream().filter(l -> l.trim().startsWith("- {id:")
                || l.trim().startsWith("- id:")).count();
        assertTrue(nodeLines <= 25, "templates and repeat keep ConvNeXt-Tiny short, got " + nodeLines + " node lines");
    }

    /**
     * Every paradigm on v100 and tx2 in both variants: finite, positive, no faster than static at
     * rate 1 for spatial (gather, scatter and masker only add), faster than static at a low rate.
     */
    @Test
    void convnextTinyPredictsInEveryMode() {
        Network n = NetworkLoader.load(CONVNEXT, 0);
        for (String device : DEVICES) {
            for (ModelVariant v : ModelVariant.values()) {
                Predictor p = predictor(device, v);
                Prediction staticPrediction = p.predict(Workload.dense(n));
                double dense = staticPrediction.latencyMs();
                assertTrue(Double.isFinite(dense) && dense > 0, device + " " + v);
                for (int[] s : new int[][] {{1, 1, 1, 1}, {4, 4, 2, 1}, {8, 4, 2, 7}}) {
                    double full = latency(p, n, Paradigm.SPATIAL, s, 1.0);
                    assertTrue(full / dense >= 0.98, device + " " + v.id() + " spatial S=" + java.util.Arrays.toString(s)
                            + " at rate 1: " + full + " ms vs static " + dense + " ms");
                    Prediction half = p.predict(new Workload(n, CnnDynamics.uniform(Paradigm.SPATIAL, n, s, 0.5)));
                    assertTrue(half.executedMacs() < 0.75 * staticPrediction.executedMacs(),
                            "spatial at 0.5 executes fewer MACs: " + half.executedMacs() + " of "
                                    + staticPrediction.executedMacs());
                }
                double channel = latency(p, n, Paradigm.CHANNEL, new int[] {16, 16, 16, 16}, 0.25);
                double layer = latency(p, n, Paradigm.LAYER, new int[] {1, 1, 1, 1}, 0.5);
                double layerFull = latency(p, n, Paradigm.LAYER, new int[] {1, 1, 1, 1}, 1.0);
                assertTrue(channel > 0 && channel < dense, device + " " + v.id() + " channel " + channel + " vs " + dense);
                assertTrue(layer > 0 && layer < dense, device + " " + v.id() + " layer " + layer + " vs " + dense);
                assertTrue(layerFull >= dense, device + " " + v.id() + " layer at 1 adds the gates");
            }
        }
    }

    private static double latency(Predictor p, Network n, Paradigm paradigm, int[] perStage, double rate) {
        CnnDynamics d = CnnDynamics.uniform(paradigm, n, perStage, rate);
        d.validate(n);
        return p.predict(new Workload(n, d)).latencyMs();
    }

    /**
     * Static ConvNeXt as generic blocks costs exactly what the same operators cost written one by
     * one with an explicit add: the block adds structure, not work.
     */
    @Test
    void genericBlockCostsItsOperatorsWhenStatic() {
        String block = """
                network: b
                input: {channels: 64, size: 28}
                stages:
                  - stage: s
                    nodes:
                      - id: blk
                        block: residual
                        body:
                          - {id: dw, op: conv, kernel: 7, depthwise: true}
                          - {id: norm, op: layer-norm}
                          - {id: pw1, op: conv, out: 256, kernel: 1, act: gelu}
                          - {id: pw2, op: conv, out: 64, kernel: 1}
                          - {id: gamma, op: scale}
                """;
        String ops = """
                network: o
                input: {channels: 64, size: 28}
                stages:
                  - stage: s
                    nodes:
                      - {id: dw, op: conv, kernel: 7, depthwise: true}
                      - {id: norm, op: layer-norm}
                      - {id: pw1, op: conv, out: 256, kernel: 1, act: gelu}
                      - {id: pw2, op: conv, out: 64, kernel: 1}
                      - {id: gamma, op: scale}
                      - {id: add, op: add, inputs: [input, gamma]}
                """;
        Network b = resolve(block);
        Network o = resolve(ops);
        assertEquals(o.denseMacs(), b.denseMacs());
        assertEquals(o.weights(), b.weights());
        for (String device : DEVICES) {
            for (ModelVariant v : ModelVariant.values()) {
                Predictor p = predictor(device, v);
                assertEquals(p.predict(Workload.dense(o)).latencyMs(), p.predict(Workload.dense(b)).latencyMs(), 1e-12,
                        device + " " + v.id());
            }
        }
    }

    private static Network resolve(String yaml) {
        NetworkDescription d = NetworkLoader.parse(yaml, "test.yaml");
        return NetworkResolver.resolve(d, d.input(), "test.yaml");
    }

    /** MobileNetV2 up to its first stage with a residual block (features.0–3): t=6, c=24. */
    private static String mobilenetV2FirstStage(String lastBlock) {
        return """
                network: mobilenetv2-first-stage
                input: {channels: 3, size: 224}
                stages:
                  - stage: stem
                    nodes:
                      - {id: features.0, op: conv, out: 32, kernel: 3, stride: 2, act: relu6}
                      - {id: features.1, block: mbconv, out: 16, expand: 32, act: relu6}
                  - stage: stage1
                    nodes:
                      - {id: features.2, block: mbconv, out: 24, expand: 144, stride: 2, act: relu6}
                """ + lastBlock;
    }

    private static final String MBCONV = "      - {id: features.3, block: mbconv, out: 24, expand: 144, act: relu6}\n";
    private static final String GENERIC = """
                  - id: features.3
                    block: residual
                    body:
                      - {id: conv1, op: conv, out: 144, kernel: 1, act: relu6}
                      - {id: conv2, op: conv, kernel: 3, depthwise: true, act: relu6}
                      - {id: conv3, op: conv, out: 24, kernel: 1}
            """;

    /**
     * MobileNetV2's first residual stage written as a generic block lowers exactly as the zoo's
     * {@code mbconv}: same MACs (counted independently here), same predictions in every paradigm,
     * device and variant, because both go through the same composers.
     */
    @Test
    void mobilenetV2FirstStageAsGenericBlockMatchesMbconv() {
        Network zoo = resolve(mobilenetV2FirstStage(MBCONV));
        Network generic = resolve(mobilenetV2FirstStage(GENERIC));
        double stem = 112.0 * 112 * 32 * 3 * 9;
        double f1 = 112.0 * 112 * 32 * 9 + 112.0 * 112 * 32 * 16;
        double f2 = 112.0 * 112 * 16 * 144 + 56.0 * 56 * 144 * 9 + 56.0 * 56 * 144 * 24;
        double f3 = 56.0 * 56 * 24 * 144 + 56.0 * 56 * 144 * 9 + 56.0 * 56 * 144 * 24;
        assertEquals(stem + f1 + f2 + f3, generic.denseMacs(), 1e-6);
        assertEquals(zoo.denseMacs(), generic.denseMacs(), 1e-6);
        assertEquals(1, generic.residualStages().size());
        for (String device : DEVICES) {
            for (ModelVariant v : ModelVariant.values()) {
                Predictor p = predictor(device, v);
                for (Paradigm paradigm : Paradigm.values()) {
                    int[] per = {paradigm == Paradigm.SPATIAL ? 4 : paradigm == Paradigm.CHANNEL ? 8 : 1};
                    for (double rate : new double[] {0.3, 1.0}) {
                        double a = p.predict(new Workload(zoo, CnnDynamics.uniform(paradigm, zoo, per, rate))).latencyMs();
                        double b = p.predict(new Workload(generic, CnnDynamics.uniform(paradigm, generic, per, rate)))
                                .latencyMs();
                        assertEquals(a, b, 1e-12, device + " " + v.id() + " " + paradigm + " " + rate);
                    }
                }
            }
        }
    }

    /**
     * Patches gather before the first conv with a spatial extent and carry the halo every later
     * k×k conv needs: two 3x3 convs gathered before the first give a halo of 2 at the gather and
     * 1 around the first conv's patches; a norm between them runs on those patches.
     */
    @Test
    void spatialHaloComesFromTheChain() {
        Network n = resolve("""
                network: h
                input: {channels: 32, size: 32}
                stages:
                  - stage: s
                    nodes:
                      - id: blk
                        block: residual
                        body:
                          - {op: conv, out: 32, kernel: 3}
                          - {op: layer-norm}
                          - {op: conv, out: 32, kernel: 3}
                """);
        ResidualBlock b = n.residualStages().get(0).blocks().get(0);
        assertEquals(0, b.plan().gatherAt());
        assertEquals(false, b.plan().maskerWithFirstConv());
        Schedule gatherKernel = new Schedule(Schedule.MaskerFusion.AUTO, Schedule.GatherMode.KERNEL, true, 0, null, 2);
        var ops = BlockGraphs.uses(ResidualLowering.lower(b.description(), BlockDynamics.spatial(4, 0.5),
                BlockLoweringInputs.schedule(gatherKernel), CalibratedComposition.INSTANCE));
        GatherSpec gather = (GatherSpec) ops.stream().filter(u -> u.spec() instanceof GatherSpec).findFirst()
                .orElseThrow().spec();
        assertEquals(2, gather.halo());
        List<SpatialConvSpec> convs = ops.stream().filter(u -> u.spec() instanceof SpatialConvSpec)
                .map(u -> (SpatialConvSpec) u.spec()).toList();
        assertEquals(List.of(1, 0), convs.stream().map(SpatialConvSpec::halo).toList());
        NormSpec norm = (NormSpec) ops.stream().filter(u -> u.spec() instanceof NormSpec).findFirst().orElseThrow()
                .spec();
        // 64 patches of 4x4, half active, each 6x6 with its halo, over 32 channels
        assertEquals(32 * 36, norm.shape().rows());
        assertEquals(32, norm.shape().last());
        assertTrue(ops.get(0).name().startsWith("masker 1x1 on input"), ops.get(0).name());
    }
}
