package dev.dynlat.predictor.importer;

import dev.dynlat.predictor.cli.CliTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.predictor.engine.Predictor;
import dev.dynlat.predictor.engine.TestProfiles;
import dev.dynlat.predictor.engine.Workload;
import dev.dynlat.predictor.schedule.Schedule;
import dev.dynlat.predictor.workload.InputShape;
import dev.dynlat.predictor.workload.Network;
import dev.dynlat.predictor.workload.NetworkLoader;
import dev.dynlat.predictor.workload.NetworkNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ONNX models whose input is token ids: the lookup becomes an {@code embedding} and the network
 * input {@code {tokens, width}}, at the sequence length {@code --input} gives.
 */
class TokenInputImportTest {
    private static final long VOCAB = 1000;
    private static final long DIM = 64;
    private static final long HEADS = 4;

    @TempDir
    Path dir;

    private Path bert() throws IOException {
        return TestTransformer.bert(13, 128, VOCAB, DIM, HEADS, 2).g.write(dir, "bert-mini");
    }

    private static double macsAt(long tokens) {
        return TestTransformer.bert(13, tokens, VOCAB, DIM, HEADS, 2).macs;
    }

    @Test
    void tokenIdsImportAsAnEmbeddingAtTheGivenLength() throws IOException {
        Path onnx = bert();
        Network at128 = Models.resolve(onnx.toString(), "128");
        assertEquals(new InputShape.Tokens(128, (int) DIM), at128.input());
        assertEquals(macsAt(128), at128.denseMacs(), macsAt(128) * 1e-12);
        NetworkNode first = at128.allNodes().get(0);
        assertEquals("embedding", first.kind());
        assertEquals(VOCAB * DIM, first.weights(), 0);
        // The full shape, batch first, and the size record give the same network at another length.
        Network at64 = Models.resolve(onnx.toString(), "1x64");
        assertEquals(new InputShape.Tokens(64, (int) DIM), at64.input());
        assertEquals(macsAt(64), at64.denseMacs(), macsAt(64) * 1e-12);
        assertEquals(at64.denseMacs(), Models.resolve(onnx.toString(), InputShape.Size.parse("64")).denseMacs(), 0);
        assertTrue(macsAt(128) > 2 * macsAt(64), "attention grows with the square of the length");
    }

    @Test
    void anImportedEncoderPredictsInEveryVariantAndGrowsWithTheSequence() throws IOException {
        Path onnx = bert();
        Network at128 = Models.resolve(onnx.toString(), "128");
        Network at64 = Models.resolve(onnx.toString(), "64");
        for (ModelVariant v : ModelVariant.values()) {
            Predictor p = new Predictor(TestProfiles.withNeutralCalibration("v100"), v, Schedule.defaults().withBatch(8));
            double l128 = p.predict(Workload.dense(at128)).latencyMs();
            double l64 = p.predict(Workload.dense(at64)).latencyMs();
            assertTrue(Double.isFinite(l128) && l64 > 0 && l64 < l128, v.id() + ": " + l64 + " vs " + l128);
        }
    }

    /**
     * Each post-norm layer becomes one transformer-encoder block: the import predicts exactly what
     * the same network written by hand predicts, and token skipping applies to it.
     */
    @Test
    void bertLayersBecomeEncoderBlocksThatPredictAsAHandWrittenNetwork() throws IOException {
        Network imported = Models.resolve(bert().toString(), "128");
        assertEquals(2, imported.encoders().size());
        String yaml = "network: by-hand\ninput: {tokens: 128, width: 64}\nstages:\n  - stage: main\n    nodes:\n"
                + "      - {id: word, op: embedding, vocab: 1000}\n"
                + "      - {id: position, op: pointwise, fn: add}\n"
                + "      - {id: norm, op: layer-norm}\n"
                + "  - stage: layer1\n    nodes:\n"
                + "      - {id: layer1, block: transformer-encoder, heads: 4, norm: post, repeat: 2}\n";
        var d = NetworkLoader.parse(yaml, "by-hand.yaml");
        Network byHand = dev.dynlat.predictor.workload.NetworkResolver.resolve(d, d.input(), "by-hand.yaml");
        assertEquals(byHand.denseMacs(), imported.denseMacs(), 0);
        assertEquals(macsAt(128), imported.denseMacs(), macsAt(128) * 1e-12);
        for (ModelVariant v : ModelVariant.values()) {
            Predictor p = new Predictor(TestProfiles.withNeutralCalibration("v100"), v, Schedule.defaults().withBatch(8));
            assertEquals(p.predict(Workload.dense(byHand)).latencyMs(), p.predict(Workload.dense(imported)).latencyMs(),
                    1e-9, v.id());
        }
        CliTest.Result dense = ImportCliTest.run("predict", "--model", bert().toString(), "--input", "128",
                "--device", "v100", "--format", "json");
        CliTest.Result skipping = ImportCliTest.run("predict", "--model", bert().toString(), "--input", "128",
                "--device", "v100", "--token-rate", "0.5", "--format", "json");
        assertEquals(0, dense.code(), dense.err());
        assertEquals(0, skipping.code(), skipping.err());
        assertTrue(latency(skipping.out()) < latency(dense.out()), skipping.out());
    }

    private static double latency(String json) throws IOException {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).path("latency_ms").asDouble(-1);
    }

    @Test
    void theCliShowsAndImportsATokenModel() throws IOException {
        Path onnx = bert();
        CliTest.Result show = ImportCliTest.run("models", "show", onnx.toString(), "--input", "128");
        assertEquals(0, show.code(), show.err());
        assertTrue(show.out().startsWith("bert-mini at 128 tokens:"), show.out());
        Path yaml = dir.resolve("bert.yaml");
        CliTest.Result imported = ImportCliTest.run("models", "import", onnx.toString(), "--input", "128",
                "--out", yaml.toString());
        assertEquals(0, imported.code(), imported.err());
        String text = Files.readString(yaml);
        assertTrue(text.contains("input: {tokens: 128, width: 64}"), text);
        assertTrue(text.contains("op: embedding, vocab: 1000"), text);
        assertEquals(macsAt(128), NetworkLoader.load(yaml, 0).denseMacs(), macsAt(128) * 1e-12);
        CliTest.Result predict = ImportCliTest.run("predict", "--model", onnx.toString(), "--input", "128",
                "--device", "v100");
        assertEquals(0, predict.code(), predict.err());
    }

    @Test
    void aDynamicLengthWithoutInputNamesTheDimension() throws IOException {
        CliTest.Result r = ImportCliTest.run("models", "show", bert().toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("'sequence'") && r.err().contains("input_ids"), r.err());
    }

    @Test
    void tokenIdsReadByAnythingButOneLookupAreRefused() throws IOException {
        TestGraph g = new TestGraph(13);
        String ids = g.tokenIds("ids", "batch", "sequence");
        String words = g.node("Gather", new String[] {g.weight(VOCAB, DIM), ids}, TestGraph.i("axis", 0));
        g.output(words);
        g.output(g.node("Cast", ids, TestGraph.i("to", 1)));
        Path onnx = g.write(dir, "two-readers");
        ImportException e = assertThrows(ImportException.class, () -> Models.resolve(onnx.toString(), "16"));
        assertTrue(e.getMessage().contains("token ids 'ids' must be read by one embedding lookup")
                && e.getMessage().contains("(Cast)"), e.getMessage());
        Path out = dir.resolve("x.yaml");
        CliTest.Result r = ImportCliTest.run("models", "import", onnx.toString(), "--input", "16", "--out",
                out.toString());
        assertEquals(2, r.code());
        assertFalse(Files.exists(out));
    }
}
