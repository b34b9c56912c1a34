package dev.dynlat.predictor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.yaml.YamlException;
import dev.dynlat.predictor.schedule.Schedule;
import dev.dynlat.predictor.workload.EncoderNode;
import dev.dynlat.predictor.workload.InputShape;
import dev.dynlat.predictor.workload.Network;
import dev.dynlat.predictor.workload.NetworkLoader;
import dev.dynlat.predictor.workload.NetworkResolver;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Token inputs, the embedding operator and pre/post-norm, causal transformer blocks: BERT-large and
 * GPT-2-large as written in src/examples/networks have the standard MAC counts and predict.
 */
class TokenNetworksTest {
    private static Network example(String name) {
        return NetworkLoader.load(Path.of("..", "src", "examples", "networks", name + ".yaml"), 0);
    }

    /** Per layer: q, k, v, output projections 4sd²; scores and context 2s²d; MLP 2·s·d·4d. */
    private static double standardLayerMacs(double s, double d) {
        return 4 * s * d * d + 2 * s * s * d + 2 * s * d * 4 * d;
    }

    @ParameterizedTest
    @CsvSource({"bert-large, 24, 512, 1024, 16, false, true", "gpt2-large, 36, 1024, 1280, 20, true, false"})
    void theExamplesHaveTheStandardCounts(String name, int layers, int s, int d, int heads, boolean causal,
                                          boolean post) {
        Network n = example(name);
        assertEquals(new InputShape.Tokens(s, d), n.input());
        assertEquals(layers, n.encoders().size());
        for (EncoderNode e : n.encoders()) {
            assertEquals(heads, e.heads());
            assertEquals(causal, e.causal());
            assertEquals(post, e.postNorm());
        }
        // Embeddings, norms and adds have no MACs; no pooler or LM head in the files.
        assertEquals(layers * standardLayerMacs(s, d), n.denseMacs(), 1e-6 * n.denseMacs());
    }

    @Test
    void bertLargeIsAbout0point17TeraMacs() {
        assertEquals(167.5e9, example("bert-large").denseMacs(), 0.05e9);
        assertEquals(821.4e9, example("gpt2-large").denseMacs(), 0.05e9);
    }

    @ParameterizedTest
    @CsvSource({"bert-large, v100, 4", "gpt2-large, v100, 2", "bert-large, tx2, 1", "gpt2-large, tx2, 1"})
    void theyPredictAndACausalBlockExecutesTheUnmaskedHalf(String name, String device, int batch) {
        Network n = example(name);
        for (ModelVariant v : ModelVariant.values()) {
            Predictor p = new Predictor(TestProfiles.withNeutralCalibration(device), v,
                    Schedule.defaults().withBatch(batch));
            Prediction pr = p.predict(Workload.dense(n));
            assertTrue(pr.latencyMs() > 0 && Double.isFinite(pr.latencyMs()));
            double s = n.input() instanceof InputShape.Tokens t ? t.tokens() : 0;
            double d = ((InputShape.Tokens) n.input()).width();
            EncoderNode e = n.encoders().get(0);
            double keys = e.causal() ? Math.floor((s + 2) / 2) : s;
            double perLayer = 4 * s * d * d + 2 * s * keys * d + 8 * s * d * d;
            // Both variants lay a matmul's rows out as a near-square map, as the reference does,
            // so executed MACs are within 1.5% of the exact count (the causal mask saves 5.9% of
            // GPT-2-large's MACs, so the check still tells masked from unmasked).
            double tolerance = 0.015;
            assertEquals(n.encoders().size() * perLayer * batch, pr.executedMacs(), tolerance * pr.executedMacs(),
                    name + " " + v.id());
            double embedding = pr.allOperators().stream().filter(o -> o.kind().equals("embedding"))
                    .mapToDouble(OperatorPrediction::latencyMs).sum();
            assertTrue(embedding > 0, "the lookup moves data");
        }
    }

    @Test
    void postNormPutsEachNormAfterItsAdd() {
        Network n = example("bert-large");
        Predictor p = new Predictor(TestProfiles.withNeutralCalibration("v100"), ModelVariant.LAUDNET, Schedule.defaults());
        List<String> ops = p.predict(Workload.dense(n)).stages().get(1).blocks().get(0).operators().stream()
                .map(OperatorPrediction::name).toList();
        assertTrue(ops.indexOf("layer norm 1") > ops.indexOf("residual add 1"), ops.toString());
        assertEquals("layer norm 2", ops.get(ops.size() - 1), ops.toString());
        List<String> pre = p.predict(Workload.dense(example("gpt2-large"))).stages().get(1).blocks().get(0).operators()
                .stream().map(OperatorPrediction::name).toList();
        assertEquals("layer norm 1", pre.get(0), pre.toString());
        assertTrue(pre.contains("q k^T (causal)"), pre.toString());
    }

    @Test
    void anEmbeddingNeedsTokensAndNormIsPreOrPost() {
        String bad = "network: t\ninput: {channels: 3, size: 8}\nstages:\n  - stage: s\n    nodes:\n"
                + "      - {id: e, op: embedding, vocab: 10}\n";
        YamlException e = assertThrows(YamlException.class,
                () -> NetworkResolver.resolve(NetworkLoader.parse(bad, "t.yaml"), 8, "t.yaml"));
        assertTrue(e.getMessage().contains("embedding needs a token sequence"), e.getMessage());
        String norm = "network: t\ninput: {tokens: 4, width: 8}\nstages:\n  - stage: s\n    nodes:\n"
                + "      - {id: b, block: transformer-encoder, heads: 2, norm: middle}\n";
        YamlException n = assertThrows(YamlException.class, () -> NetworkLoader.parse(norm, "t.yaml"));
        assertTrue(n.getMessage().contains("norm: unknown value 'middle'; expected one of pre, post"), n.getMessage());
    }

    @Test
    void aTokenNetworkTakesItsSequenceLengthFromInput() {
        Network n = NetworkLoader.load("--model", Path.of("..", "src", "examples", "networks", "bert-large.yaml"),
                InputShape.Size.parse("128"));
        assertEquals(new InputShape.Tokens(128, 1024), n.input());
        assertEquals(24 * standardLayerMacs(128, 1024), n.denseMacs(), 1e-6 * n.denseMacs());
    }
}
