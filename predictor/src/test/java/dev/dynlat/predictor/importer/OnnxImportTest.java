package dev.dynlat.predictor.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.predictor.dynamic.CnnDynamics;
import dev.dynlat.predictor.dynamic.Paradigm;
import dev.dynlat.predictor.engine.Predictor;
import dev.dynlat.predictor.engine.TestProfiles;
import dev.dynlat.predictor.engine.Workload;
import dev.dynlat.predictor.schedule.Schedule;
import dev.dynlat.predictor.workload.Network;
import dev.dynlat.predictor.workload.NetworkZoo;
import dev.dynlat.predictor.workload.Stage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Imports of graphs built as exporters write them: MACs, blocks, stages, and predictions against the zoo. */
class OnnxImportTest {

    /** Imports and loads back through the YAML text, as {@code models import} then {@code --model net.yaml} do. */
    static Network load(OnnxReader.OnnxModel m, InputDims in) {
        return Models.load(OnnxImporter.importModel(m, in, "test"), "import.yaml");
    }

    private static void assertMacs(double expected, Network net) {
        assertEquals(expected, net.denseMacs(), expected * 1e-12, "MACs of " + net.name());
    }

    @ParameterizedTest
    @ValueSource(ints = {9, 11, 13, 17})
    void resnet18HasTheGraphsMacsAndEightBasicBlocksInFourStages(int opset) {
        TestNets.Net n = TestNets.resnet(18, opset, 224, true);
        // The test's own count agrees with torchvision's published 1.814 GMACs.
        assertEquals(1.8142e9, n.macs, 0.0005e9);
        Network net = load(n.g.parsed(), InputDims.NONE);
        assertMacs(n.macs, net);
        assertEquals(8, net.blockCount());
        List<Stage> stages = net.residualStages();
        assertEquals(List.of("layer1", "layer2", "layer3", "layer4"), stages.stream().map(Stage::name).toList());
        assertEquals(List.of("layer2.0", "layer2.1"), stages.get(1).blocks().stream().map(b -> b.name()).toList());
    }

    @ParameterizedTest
    @ValueSource(ints = {9, 11, 13})
    void mobilenetV2HasTheGraphsMacsAndSeventeenInvertedResiduals(int opset) {
        TestNets.Net n = TestNets.mobilenetV2(opset, 224);
        assertEquals(300.8e6, n.macs, 0.5e6);
        Network net = load(n.g.parsed(), InputDims.NONE);
        assertMacs(n.macs, net);
        assertEquals(17, net.blockCount());
        int residual = net.residualStages().stream().mapToInt(s -> s.blocks().size()).sum();
        assertEquals(10, residual);
    }

    @ParameterizedTest
    @ValueSource(ints = {11, 13, 18})
    void transformerEncoderWithDecomposedNormsAndShapeArithmeticHasTheGraphsMacs(int opset) {
        TestTransformer t = TestTransformer.build(opset, 224, 2);
        Network net = load(t.g.parsed(), InputDims.parse("224"));
        assertMacs(t.macs, net);
        List<String> kinds = net.stages().stream().flatMap(s -> s.nodes().stream()).map(x -> x.kind()).toList();
        // Each layer (its two norms decomposed into 9 ONNX nodes each, GELU by erf, heads split by
        // shape arithmetic) is one pre-norm encoder block; the final norm stays a layer-norm node.
        assertEquals(2, net.encoders().size(), kinds.toString());
        assertTrue(net.encoders().stream().allMatch(e -> e.heads() == 3 && e.mlpRatio() == 4 && !e.postNorm()
                && e.tokens() == 196 && e.dim() == 192), net.encoders().toString());
        assertEquals(1, kinds.stream().filter("layer-norm"::equals).count(), kinds.toString());
        assertFalse(kinds.contains("matmul") || kinds.contains("gelu") || kinds.contains("softmax"), kinds.toString());
        Predictor p = new Predictor(TestProfiles.withNeutralCalibration("v100"), ModelVariant.CALIBRATED,
                Schedule.defaults());
        double ms = p.predict(Workload.dense(net)).latencyMs();
        assertTrue(ms > 0 && Double.isFinite(ms), "latency " + ms);
    }

    @Test
    void torchvisionStyleVitWithPackedAttentionAndClassTokenHasTheGraphsMacs() {
        TestTransformer t = TestTransformer.torchvisionStyle(224, 2);
        Network net = load(t.g.parsed(), InputDims.NONE);
        assertMacs(t.macs, net);
        List<String> kinds = net.stages().stream().flatMap(s -> s.nodes().stream()).map(x -> x.kind()).toList();
        assertTrue(kinds.contains("class-token"), kinds.toString());
        assertEquals(4, kinds.stream().filter("matmul"::equals).count(), kinds.toString());
        assertEquals(5, kinds.stream().filter("layer-norm"::equals).count(), kinds.toString());
        // A packed QKV projection is not the separate-projection form the encoder finder knows.
        assertTrue(net.encoders().isEmpty(), net.encoders().toString());
    }

    @Test
    void dynamicDimensionsComeFromInputOrFailNamingTheInputAndDimension() {
        TestTransformer t = TestTransformer.build(13, 224, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OnnxImporter.importModel(t.g.parsed(), InputDims.NONE, "t"));
        assertTrue(e.getMessage().contains("dimension 2 ('height') of input 'pixels'"), e.getMessage());
        Network at448 = load(TestTransformer.build(13, 448, 1).g.parsed(), InputDims.parse("1x3x448x448"));
        assertMacs(TestTransformer.build(13, 448, 1).macs, at448);
    }

    /** The acceptance criterion: an imported ResNet-50 predicts as the zoo's in every mode and variant. */
    @ParameterizedTest
    @ValueSource(strings = {"v100", "tx2", "rtx3090"})
    void importedResnet50PredictsWithinHalfAPercentOfTheZoos(String device) {
        TestNets.Net n = TestNets.resnet(50, 13, 224, false);
        Network imported = load(n.g.parsed(), InputDims.NONE);
        Network zoo = NetworkZoo.get("resnet50");
        assertMacs(zoo.denseMacs(), imported);
        for (ModelVariant v : ModelVariant.values()) {
            var profile = v == ModelVariant.LAUDNET ? dev.dynlat.operators.profile.DeviceCatalog.load("--device", device)
                    : TestProfiles.withNeutralCalibration(device);
            Predictor p = new Predictor(profile, v, Schedule.defaults());
            compare(p, Workload.dense(zoo), Workload.dense(imported), device + " " + v.id() + " static");
            for (Paradigm mode : List.of(Paradigm.SPATIAL, Paradigm.CHANNEL, Paradigm.LAYER)) {
                int[] per = mode == Paradigm.SPATIAL ? new int[] {4, 4, 2, 1} : new int[] {2, 2, 4, 4};
                compare(p, new Workload(zoo, CnnDynamics.uniform(mode, zoo, per, 0.5)),
                        new Workload(imported, CnnDynamics.uniform(mode, imported, per, 0.5)),
                        device + " " + v.id() + " " + mode);
            }
        }
    }

    /** Squeeze-excitation inside inverted residuals: an imported MobileNetV3 predicts as the zoo's. */
    @Test
    void importedMobilenetV3WithSqueezeExcitationPredictsAsTheZoos() {
        TestNets.Net n = TestNets.mobilenetV3Large();
        Network imported = load(n.g.parsed(), InputDims.NONE);
        Network zoo = NetworkZoo.get("mobilenetv3-large-1.0");
        assertMacs(n.macs, imported);
        assertMacs(zoo.denseMacs(), imported);
        assertEquals(15, imported.blockCount());
        int stages = zoo.residualStages().size();
        assertEquals(stages, imported.residualStages().size());
        int[] ones = new int[stages];
        java.util.Arrays.fill(ones, 1);
        for (ModelVariant v : ModelVariant.values()) {
            var profile = v == ModelVariant.LAUDNET ? dev.dynlat.operators.profile.DeviceCatalog.load("--device", "tx2")
                    : TestProfiles.withNeutralCalibration("tx2");
            Predictor p = new Predictor(profile, v, Schedule.defaults());
            compare(p, Workload.dense(zoo), Workload.dense(imported), v.id() + " static");
            for (Paradigm mode : List.of(Paradigm.SPATIAL, Paradigm.CHANNEL, Paradigm.LAYER)) {
                compare(p, new Workload(zoo, CnnDynamics.uniform(mode, zoo, ones, 0.5)),
                        new Workload(imported, CnnDynamics.uniform(mode, imported, ones, 0.5)), v.id() + " " + mode);
            }
        }
    }

    private static void compare(Predictor p, Workload zoo, Workload imported, String what) {
        double a = p.predict(zoo).latencyMs();
        double b = p.predict(imported).latencyMs();
        assertEquals(a, b, 0.005 * a, what + ": zoo " + a + " ms, imported " + b + " ms");
    }
}
