package dev.dynlat.predictor.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import dev.dynlat.predictor.workload.Network;
import dev.dynlat.predictor.workload.NetworkLoader;
import java.io.IOException;
import java.nio.file.Files;
import dev.dynlat.predictor.cli.CliTest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dynlat models import} and {@code --model FILE.onnx} end to end, and their bad-input answers. */
class ImportCliTest {
    @TempDir
    Path dir;

    /** The CLI's answer to one command line, as every CLI test runs it. */
    static CliTest.Result run(String... args) {
        return CliTest.run(args);
    }

    @Test
    void importWritesANetworkFileThatLoadsWithTheGraphsMacs() throws IOException {
        TestNets.Net n = TestNets.resnet(18, 13, 224, true);
        Path onnx = n.g.write(dir, "resnet18");
        Path yaml = dir.resolve("resnet18.yaml");
        CliTest.Result r = run("models", "import", onnx.toString(), "--out", yaml.toString());
        assertEquals(0, r.code(), r.err());
        String text = Files.readString(yaml);
        assertTrue(text.contains("{id: layer1, block: basic, repeat: 2, out: 64, stride: 1, kernel: 3}"), text);
        Network net = NetworkLoader.load(yaml, 0);
        assertEquals(n.macs, net.denseMacs(), n.macs * 1e-12);
    }

    @Test
    void onnxFilesWorkWhereverAModelIsTaken() throws IOException {
        Path onnx = TestNets.mobilenetV2(13, 224).g.write(dir, "mbv2");
        CliTest.Result show = run("models", "show", onnx.toString());
        assertEquals(0, show.code(), show.err());
        assertTrue(show.out().contains("layer2.1"), show.out());
        CliTest.Result predict = run("predict", "--model", onnx.toString(), "--device", "tx2", "--mode", "channel",
                "--channel-group", "2", "--rate", "0.5");
        assertEquals(0, predict.code(), predict.err());
        Path vit = TestTransformer.build(13, 224, 1).g.write(dir, "vit");
        CliTest.Result atSize = run("models", "show", vit.toString(), "--input", "224");
        assertEquals(0, atSize.code(), atSize.err());
        assertTrue(atSize.out().contains("at 224x224"), atSize.out());
        // Its position embedding holds 196 tokens: another size cannot run, and says where.
        CliTest.Result tooBig = run("models", "show", vit.toString(), "--input", "448");
        assertEquals(2, tooBig.code());
        assertTrue(tooBig.err().contains("cannot broadcast [1, 784, 192] with [1, 196, 192]"), tooBig.err());
    }

    @Test
    void sweepAndSearchUseTheOnnxFileNotAZooModelOfTheSameName() throws IOException {
        // A MobileNetV2 (5 residual stages) in a file called resnet50.onnx (the zoo's has 4).
        Path onnx = TestNets.mobilenetV2(13, 224).g.write(dir, "resnet50");
        CliTest.Result search = run("search", "--model", onnx.toString(), "--device", "tx2", "--mode", "spatial", "--options",
                "1,2", "--rate", "0.5");
        assertEquals(0, search.code(), search.err());
        assertTrue(search.out().contains("layer6"), search.out());
        CliTest.Result sweep = run("sweep", "--model", onnx.toString(), "--device", "tx2", "--mode", "channel", "--options",
                "1,2", "--rates", "0.5:1:0.5");
        assertEquals(0, sweep.code(), sweep.err());
    }

    @Test
    void unsupportedOperatorsAreOneErrorListingEachTypeCountAndNodes() throws IOException {
        TestGraph g = new TestGraph(13);
        String x = g.input("x", new long[] {1, 3, 32, 32});
        String a = g.node("NonMaxSuppression", x);
        String b = g.node("NonMaxSuppression", a);
        String c = g.node("Relu", b);
        g.output(g.node("LSTM", c));
        Path onnx = g.write(dir, "odd");
        Path out = dir.resolve("odd.yaml");
        CliTest.Result r = run("models", "import", onnx.toString(), "--out", out.toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("LSTM ×1 (/lstm_3)"), r.err());
        assertTrue(r.err().contains("NonMaxSuppression ×2 (/nonmaxsuppression_0, /nonmaxsuppression_1)"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aFileThatIsNotOnnxIsOneLineAndExitTwo() throws IOException {
        Path text = dir.resolve("net.onnx");
        Files.writeString(text, "network: resnet50\nstages: []\n");
        Path out = dir.resolve("x.yaml");
        CliTest.Result r = run("models", "import", text.toString(), "--out", out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("is not an ONNX model"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(out));
        CliTest.Result missing = run("predict", "--model", dir.resolve("none.onnx").toString(), "--device", "tx2");
        assertEquals(2, missing.code());
    }

    @Test
    void deeplyNestedMessagesHitTheRecursionLimitNotTheStack() throws IOException {
        // GraphProto → NodeProto → AttributeProto(g: GraphProto) → … nested far beyond the limit.
        var graph = ai.onnx.proto.OnnxMl.GraphProto.newBuilder().setName("leaf").build();
        for (int i = 0; i < 200; i++) {
            graph = ai.onnx.proto.OnnxMl.GraphProto.newBuilder().addNode(ai.onnx.proto.OnnxMl.NodeProto.newBuilder()
                    .setOpType("If").addAttribute(ai.onnx.proto.OnnxMl.AttributeProto.newBuilder().setName("then_branch")
                            .setG(graph))).build();
        }
        Path deep = dir.resolve("deep.onnx");
        Files.write(deep, ModelProto.newBuilder().setIrVersion(7).setGraph(graph).build().toByteArray());
        CliTest.Result r = run("models", "import", deep.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("is not an ONNX model"), r.err());
    }

    @Test
    void malformedGraphsAreOneLineErrorsNamingTheNode() throws IOException {
        TestGraph noWeight = new TestGraph(13);
        noWeight.output(noWeight.node("Conv", noWeight.input("x", new long[] {1, 3, 8, 8})));
        TestGraph dangling = new TestGraph(13);
        dangling.input("x", new long[] {1, 3, 8, 8});
        dangling.output(dangling.node("Relu", "nowhere"));
        TestGraph huge = new TestGraph(13);
        String x = huge.input("x", new long[] {1, 3, 8, 8});
        huge.output(huge.node("Conv", new String[] {x, huge.weight(1 << 20, 3, 1, 1)}));
        for (TestGraph g : List.of(noWeight, dangling, huge)) {
            Path onnx = g.write(dir, "bad");
            CliTest.Result r = run("predict", "--model", onnx.toString(), "--device", "tx2");
            assertEquals(2, r.code(), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
        assertTrue(run("models", "import", dir.resolve("bad.onnx").toString()).err().contains("out: "), "huge conv");
    }

    @Test
    void dynamicInputWithoutInputOptionNamesTheDimension() throws IOException {
        Path vit = TestTransformer.build(13, 224, 1).g.write(dir, "vit");
        CliTest.Result r = run("models", "import", vit.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("'pixels'") && r.err().contains("height"), r.err());
        CliTest.Result bad = run("models", "import", vit.toString(), "--input", "22x");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("input: '22x'"), bad.err());
    }
}
