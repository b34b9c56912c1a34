package dev.dynlat.predictor.importer;

import dev.dynlat.predictor.cli.CliTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.profile.DeviceCatalog;
import dev.dynlat.predictor.dynamic.CnnDynamics;
import dev.dynlat.predictor.dynamic.Paradigm;
import dev.dynlat.predictor.engine.Predictor;
import dev.dynlat.predictor.engine.TestProfiles;
import dev.dynlat.predictor.engine.Workload;
import dev.dynlat.predictor.schedule.Schedule;
import dev.dynlat.predictor.workload.InputShape;
import dev.dynlat.predictor.workload.Network;
import dev.dynlat.predictor.workload.NetworkLoader;
import dev.dynlat.predictor.workload.NetworkZoo;
import dev.dynlat.predictor.workload.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ONNX models at non-square inputs: a ResNet-50 exported with dynamic height and width, imported at
 * COCO's 800×1333 by {@code --input HxW} or by its full NCHW shape, against the zoo's resnet50 at the
 * same size (87.335 G MACs, see NonSquareInputTest) and the graph's own count.
 */
class NonSquareImportTest {
    private static final InputShape.Size COCO = InputShape.Size.parse("800x1333");

    @TempDir
    Path dir;

    private TestNets.Net net;
    private Path onnx;

    @BeforeEach
    void writeModel() throws IOException {
        net = TestNets.resnetDynamic(50, 13, 800, 1333);
        onnx = net.g.write(dir, "resnet50-dynamic");
    }

    @Test
    void importedResnet50At800x1333HasTheZoosMacs() {
        Network zoo = NetworkZoo.get("resnet50", COCO);
        for (String input : List.of("800x1333", "1x3x800x1333", " 800 X 1333 ")) {
            Network imported = Models.resolve(onnx.toString(), input);
            assertEquals(new InputShape.Image(3, 800, 1333), imported.input(), input);
            assertEquals(net.macs, imported.denseMacs(), net.macs * 1e-12, "the graph's own count at " + input);
            assertEquals(zoo.denseMacs(), imported.denseMacs(), zoo.denseMacs() * 1e-12, input);
            assertEquals("87.335", String.format(Locale.ROOT, "%.3f", imported.denseMacs() / 1e9));
        }
        Network bySize = Models.resolve(onnx.toString(), COCO);
        assertEquals(net.macs, bySize.denseMacs(), net.macs * 1e-12);
        Stage last = bySize.residualStages().get(3);
        assertEquals(25, last.blocks().get(0).outHeight());
        assertEquals(42, last.blocks().get(0).outWidth());
        // The transposed image is another network: the sides are not swapped or squared anywhere.
        Network transposed = Models.resolve(onnx.toString(), "1333x800");
        assertEquals(new InputShape.Image(3, 1333, 800), transposed.input());
        assertEquals(42, transposed.residualStages().get(3).blocks().get(0).outHeight());
        assertEquals(25, transposed.residualStages().get(3).blocks().get(0).outWidth());
    }

    @Test
    void aSquareSideAndTheSizeRecordGiveTheSameNetwork() {
        Network side = Models.resolve(onnx.toString(), "224");
        assertEquals(InputShape.Image.square(3, 224), side.input());
        assertEquals(NetworkZoo.get("resnet50").denseMacs(), side.denseMacs(), 1e-3);
        assertEquals(side.denseMacs(), Models.resolve(onnx.toString(), InputShape.Size.parse("224")).denseMacs(), 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v100", "tx2"})
    void importedResnet50At800x1333PredictsAsTheZoosInEveryModeAndVariant(String device) {
        Network imported = Models.resolve(onnx.toString(), "800x1333");
        Network zoo = NetworkZoo.get("resnet50", COCO);
        assertEquals(zoo.residualStages().size(), imported.residualStages().size());
        assertEquals(zoo.blockCount(), imported.blockCount());
        for (ModelVariant v : ModelVariant.values()) {
            var profile = v == ModelVariant.LAUDNET ? DeviceCatalog.load("--device", device)
                    : TestProfiles.withNeutralCalibration(device);
            Predictor p = new Predictor(profile, v, Schedule.defaults().withBatch(2));
            compare(p, Workload.dense(zoo), Workload.dense(imported), device + " " + v.id() + " static");
            for (Paradigm mode : List.of(Paradigm.SPATIAL, Paradigm.CHANNEL, Paradigm.LAYER)) {
                int[] per = mode == Paradigm.SPATIAL ? new int[] {4, 4, 2, 1} : new int[] {2, 2, 4, 4};
                double half = compare(p, new Workload(zoo, CnnDynamics.uniform(mode, zoo, per, 0.5)),
                        new Workload(imported, CnnDynamics.uniform(mode, imported, per, 0.5)),
                        device + " " + v.id() + " " + mode);
                double none = p.predict(new Workload(imported, CnnDynamics.uniform(mode, imported, per, 0.0)))
                        .latencyMs();
                assertTrue(none <= half, mode + " " + v.id() + ": latency grows with the rate");
            }
        }
    }

    @Test
    void theCliTakesHxWAndTheFullShapeWithAnOnnxModel() throws IOException {
        CliTest.Result show = ImportCliTest.run("models", "show", onnx.toString(), "--input", "1x3x800x1333");
        assertEquals(0, show.code(), show.err());
        assertTrue(show.out().startsWith("resnet50-dynamic at 800x1333: 87.3"), show.out());
        CliTest.Result predict = ImportCliTest.run("predict", "--model", onnx.toString(), "--input",
                "800x1333", "--device", "tx2", "--mode", "spatial", "--granularity", "4,4,2,1", "--rate", "0.5");
        assertEquals(0, predict.code(), predict.err());
        Path yaml = dir.resolve("r50.yaml");
        CliTest.Result imported = ImportCliTest.run("models", "import", onnx.toString(), "--input", "800x1333",
                "--out", yaml.toString());
        assertEquals(0, imported.code(), imported.err());
        assertTrue(Files.readString(yaml).contains("input: {channels: 3, height: 800, width: 1333}"),
                Files.readString(yaml));
        assertEquals(net.macs, NetworkLoader.load(yaml, 0).denseMacs(), net.macs * 1e-12);
    }

    @Test
    void anInputThatFitsNeitherFormIsOneLineNamingInput() {
        for (String bad : List.of("800x1333x3", "1x4x800x1333", "0x800", "800x")) {
            Path out = dir.resolve("p.csv");
            CliTest.Result r = ImportCliTest.run("predict", "--model", onnx.toString(), "--input", bad,
                    "--device", "tx2", "--out", out.toString());
            assertEquals(2, r.code(), bad + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains("--input: ") && r.err().contains("'" + bad + "'"), r.err());
            assertFalse(Files.exists(out));
        }
        // A full shape is for ONNX files; a zoo model says what it takes.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Models.resolve("resnet50", "1x3x800x1333"));
        assertTrue(e.getMessage().startsWith("--input: expected N (e.g. 224) or HxW"), e.getMessage());
    }

    private static double compare(Predictor p, Workload zoo, Workload imported, String what) {
        double a = p.predict(zoo).latencyMs();
        double b = p.predict(imported).latencyMs();
        assertEquals(a, b, 0.005 * a, what + ": zoo " + a + " ms, imported " + b + " ms");
        return b;
    }
}
