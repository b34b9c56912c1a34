package dev.dynlat.predictor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The seed networks (exits and policies) at the largest batch we accept: the batched-runtime
 * expectation walks only the binomial counts that matter, so nothing of the batch's size is
 * allocated; with per-input exits whose window is too wide to cost, one line says so.
 */
class SeedNetworksAtHugeBatchTest {
    @ParameterizedTest
    @ValueSource(strings = {"gfnet-resnet50-96", "blockdrop-resnet110", "msdnet-cifar-anytime"})
    void predictsAtTheLargestBatch(String model) {
        CliTest.Result r = CliTest.run("predict", "--model", model, "--device", "v100", "--batch", "2147483647");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("batch 2147483647: each input's own path"), r.out());
    }

    @Test
    void exitsTooSpreadToCostAreRefusedWithTheCountAndTheLimit() {
        CliTest.Result r = CliTest.run("predict", "--model", "msdnet-cifar-anytime", "--device", "v100", "--batch",
                "2147483647", "--exits", "0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().matches("dynlat predict: batch: 2147483647 inputs with per-input exits need \\d+ batch"
                + " sizes costed for the batched-runtime expectation; at most 10000 are \\(use a smaller --batch\\)\\n"),
                r.err());
    }
}
