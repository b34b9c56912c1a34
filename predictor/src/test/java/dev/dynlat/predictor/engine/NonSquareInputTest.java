package dev.dynlat.predictor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.yaml.YamlException;
import dev.dynlat.predictor.dynamic.CnnDynamics;
import dev.dynlat.predictor.dynamic.Paradigm;
import dev.dynlat.predictor.schedule.Schedule;
import dev.dynlat.predictor.workload.InputShape;
import dev.dynlat.predictor.workload.Network;
import dev.dynlat.predictor.workload.NetworkLoader;
import dev.dynlat.predictor.workload.NetworkResolver;
import dev.dynlat.predictor.workload.NetworkWriter;
import dev.dynlat.predictor.workload.NetworkZoo;
import dev.dynlat.predictor.workload.Shape;
import dev.dynlat.predictor.workload.Stage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Inputs with height ≠ width: a detection backbone at COCO's 800×1333, its MACs against an
 * independent count, predictions in every mode and variant, and includes that keep stages.
 */
class NonSquareInputTest {
    private static final InputShape.Size COCO = InputShape.Size.parse("800x1333");

    private static Network load(String yaml) {
        var d = NetworkLoader.parse(yaml, "t.yaml");
        return NetworkResolver.resolve(d, d.input(), "t.yaml");
    }

    /** PyTorch's output side of a padded window op. */
    private static int out(int in, int k, int s, int p) {
        return (in + 2 * p - k) / s + 1;
    }

    /**
     * torchvision's ResNet-50 v1.5 counted from its definition: multiply-accumulates of every conv
     * and of the classifier (not of BN, ReLU, pooling or adds), the convention of its 4.089 G at
     * 224x224; at 800x1333 it gives 87.335 G.
     */
    private static double torchvisionResnet50Macs(int h, int w) {
        double macs = 0;
        h = out(h, 7, 2, 3);
        w = out(w, 7, 2, 3);
        macs += 64.0 * 3 * 49 * h * w;
        h = out(h, 3, 2, 1);
        w = out(w, 3, 2, 1);
        int in = 64;
        int[][] layers = {{64, 3, 1}, {128, 4, 2}, {256, 6, 2}, {512, 3, 2}};
        for (int[] l : layers) {
            for (int b = 0; b < l[1]; b++) {
                int width = l[0];
                int outC = 4 * width;
                int s = b == 0 ? l[2] : 1;
                macs += (double) in * width * h * w;
                int oh = out(h, 3, s, 1);
                int ow = out(w, 3, s, 1);
                macs += 9.0 * width * width * oh * ow;
                macs += (double) width * outC * oh * ow;
                if (b == 0) {
                    macs += (double) in * outC * oh * ow;
                }
                in = outC;
                h = oh;
                w = ow;
            }
        }
        return macs + 2048.0 * 1000;
    }

    @Test
    void resnet50At800x1333HasTorchvisionsCount() {
        Network n = NetworkZoo.get("resnet50", COCO);
        assertEquals(torchvisionResnet50Macs(224, 224), NetworkZoo.get("resnet50").denseMacs(), 0.5);
        assertEquals(torchvisionResnet50Macs(800, 1333), n.denseMacs(), 0.5);
        assertEquals("87.335", String.format(java.util.Locale.ROOT, "%.3f", n.denseMacs() / 1e9));
        Stage last = n.residualStages().get(3);
        assertEquals(25, last.blocks().get(0).outHeight());
        assertEquals(42, last.blocks().get(0).outWidth());
        assertEquals(42, last.outSize(), "a granularity fits up to the longer side");
    }

    @ParameterizedTest
    @CsvSource({"v100, 2", "tx2, 1"})
    void resnet50At800x1333PredictsInEveryModeAndVariant(String device, int batch) {
        Network n = NetworkZoo.get("resnet50", COCO);
        int stages = n.residualStages().size();
        for (ModelVariant v : ModelVariant.values()) {
            Predictor p = new Predictor(TestProfiles.withNeutralCalibration(device), v,
                    Schedule.defaults().withBatch(batch));
            double dense = p.predict(Workload.dense(n)).latencyMs();
            assertTrue(dense > 0 && Double.isFinite(dense));
            for (Paradigm mode : List.of(Paradigm.SPATIAL, Paradigm.CHANNEL, Paradigm.LAYER)) {
                int[] per = mode == Paradigm.SPATIAL ? new int[] {4, 4, 2, 1} : new int[] {2, 2, 2, 2};
                double half = p.predict(new Workload(n, CnnDynamics.uniform(mode, n, per, 0.5))).latencyMs();
                double none = p.predict(new Workload(n, CnnDynamics.uniform(mode, n, per, 0.0))).latencyMs();
                assertTrue(Double.isFinite(half) && half > 0, mode + " " + v.id());
                assertTrue(none <= half, mode + " " + v.id() + ": latency grows with the rate");
            }
            assertEquals(4, stages);
        }
    }

    @Test
    void aBackboneIncludedUntilLayer4KeepsItsStages() {
        String yaml = "network: det\ninput: {channels: 3, height: 800, width: 1333}\nstages:\n"
                + "  - stage: backbone\n    nodes:\n      - {id: body, include: resnet50, until: layer4}\n"
                + "  - stage: neck\n    nodes:\n      - {id: lateral, op: conv, out: 256, kernel: 1}\n";
        Network n = load(yaml);
        assertEquals(List.of("stem", "layer1", "layer2", "layer3", "layer4", "neck"),
                n.stages().stream().map(Network.NetworkStage::name).toList());
        assertEquals(List.of("layer1", "layer2", "layer3", "layer4"),
                n.residualStages().stream().map(Stage::name).toList());
        assertEquals(new Shape.FeatureMap(256, 25, 42), n.allNodes().get(n.allNodes().size() - 1).output());
        double backbone = NetworkZoo.get("resnet50", COCO).denseMacs() - 2048.0 * 1000;
        assertEquals(backbone + 2048.0 * 256 * 25 * 42, n.denseMacs(), 0.5);
    }

    @Test
    void aNonSquareNetworkExportsAndLoadsBack() {
        Network n = NetworkZoo.get("resnet50", COCO);
        String yaml = NetworkWriter.write(n.description(), n.input());
        assertTrue(yaml.contains("input: {channels: 3, height: 800, width: 1333}"), yaml);
        Network back = load(yaml);
        assertEquals(n.denseMacs(), back.denseMacs());
        assertEquals(n.input(), back.input());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "{channels: 3, size: 224, height: 800}; give size (a square image) or height and width, not both",
        "{channels: 3, height: 800}; missing required key 'width'",
        "{tokens: 512, width: 64, channels: 3}; a token input takes tokens and width only",
        "{channels: 3, depth: 3, size: 2}; unknown key 'depth'"})
    void badInputsAreProblems(String input, String message) {
        String yaml = "network: t\ninput: " + input + "\nstages:\n  - stage: s\n    nodes:\n"
                + "      - {id: p, op: global-avg-pool}\n";
        YamlException e = assertThrows(YamlException.class, () -> NetworkLoader.parse(yaml, "t.yaml"));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void inputValuesParseOrNameTheOption() {
        assertEquals(new InputShape.Size(800, 1333, "800x1333"), InputShape.Size.parse("800x1333"));
        assertEquals(224, InputShape.Size.parse("224").width());
        for (String bad : new String[] {"800x", "x1333", "0", "800x0", "99999999", "80x13x3", "abc", "-1"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InputShape.Size.parse(bad));
            assertTrue(e.getMessage().startsWith("--input: "), e.getMessage());
        }
    }
}
