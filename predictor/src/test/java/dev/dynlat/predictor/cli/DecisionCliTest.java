package dev.dynlat.predictor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code predict} with per-input decisions: outputs, and bad input rejected with nothing written. */
class DecisionCliTest {
    @TempDir
    Path tmp;

    private static CliTest.Result run(String... args) {
        return CliTest.run(args);
    }

    @Test
    void gfnetExitsInJsonWithPerExitLatencyAndDistribution() throws IOException {
        CliTest.Result r = run("predict", "--model", "gfnet-resnet50-96", "--device", "tx2", "--exits",
                "0.5,0.3,0.1,0.05,0.05", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        JsonNode exits = j.get("decisions").get("exits");
        assertEquals(5, exits.size());
        double[] p = {0.5, 0.3, 0.1, 0.05, 0.05};
        double mean = 0;
        for (int i = 0; i < 5; i++) {
            mean += p[i] * exits.get(i).get("cumulative_latency_batch1_ms").asDouble();
        }
        JsonNode d = j.get("decisions").get("per_input_batch1");
        assertEquals(mean, d.get("mean_ms").asDouble(), 1e-9 * mean);
        assertEquals(mean, j.get("latency_ms").asDouble(), 1e-9 * mean, "batch 1: expected = distribution mean");
        assertEquals(exits.get(0).get("cumulative_latency_batch1_ms").asDouble(), d.get("p50_ms").asDouble());
        assertEquals(20, d.get("histogram").size());
        assertFalse(j.get("decisions").has("batched"), "batch 1 has no batched section");
    }

    @Test
    void policyFileTableCsvAndChart() throws IOException {
        Path policies = tmp.resolve("p.txt");
        Files.writeString(policies, "# two inputs\n" + "1".repeat(33) + "\n" + "0".repeat(33) + "\n");
        Path chart = tmp.resolve("h.svg");
        CliTest.Result r = run("predict", "--model", "blockdrop-resnet101", "--device", "v100", "--policies",
                policies.toString(), "--chart", chart.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("per-input latency at batch 1, empirical over 2 inputs"), r.out());
        assertTrue(r.out().contains("batch 128: each input's own path"), r.out());
        assertTrue(Files.readString(chart).contains("<svg"));
        CliTest.Result csv = run("predict", "--model", "blockdrop-resnet101", "--device", "tx2", "--keep-probs",
                "0.75", "--format", "csv");
        assertEquals(0, csv.code(), csv.err());
        assertTrue(csv.out().startsWith("model,device,batch,section,name"), csv.out());
        assertTrue(csv.out().contains(",distribution,p50,"), csv.out());
    }

    @Test
    void decisionsFileOfExits() throws IOException {
        Path f = tmp.resolve("d.csv");
        Files.writeString(f, "exit\n1\n1\n5\n3\n");
        CliTest.Result r = run("predict", "--model", "msdnet-imagenet", "--device", "v100", "--batch", "2",
                "--decisions", f.toString(), "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode b = new ObjectMapper().readTree(r.out()).get("decisions").get("batched");
        assertEquals(2, b.get("batch").asInt());
        assertTrue(b.has("per_image_over_batches"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "gfnet-resnet50-96; --exits; 0.5,0.3,0.1,0.05; exits: gfnet-resnet50-96 has 5 exits, got 4 proportions",
        "gfnet-resnet50-96; --exits; 0.5,0.3,0.1,0.05,0.1; exits: proportions must sum to 1, got 1.050000",
        "gfnet-resnet50-96; --exits; 0.5,x,0.1,0.05,0.1; exits: value 2 'x' is not a number",
        "msdnet-imagenet; --exits; 1.2,-0.2,0,0,0; exits: proportion 1 must be in [0, 1], got 1.2",
        "resnet50; --exits; 1; exits: resnet50 has no early exits",
        "blockdrop-resnet101; --policy; 0101; policy: a policy needs 33 bits (one per decided block), got 4",
        "blockdrop-resnet32; --policy; 01010101010101x; policy: bit 15 is 'x'; expected 0 or 1",
        "blockdrop-resnet101; --keep-probs; 0.5,0.5; keep-probs: blockdrop-resnet101 has 33 decided blocks, got 2",
        "blockdrop-resnet32; --keep-probs; 1.5; keep-probs: probability 1 (layer1.0) must be in [0, 1], got 1.5"})
    void badDecisionOptionsExitTwoAndWriteNothing(String model, String option, String value, String message) {
        Path out = tmp.resolve("out.json");
        CliTest.Result r = run("predict", "--model", model, "--device", "tx2", option, value, "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(message), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertFalse(Files.exists(out), "no output written");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "msdnet-imagenet; exit|1|6; row 2 (line 3), field exit: 6 is out of range (1..5)",
        "msdnet-imagenet; exit|1|two; row 2 (line 3), field exit: 'two' is not an exit number (1..5)",
        "msdnet-imagenet; exit|1,2; row 1 (line 2): expected 1 fields, got 2",
        "msdnet-imagenet; exits|1; header: unknown column 'exits'; expected exit and/or policy",
        "msdnet-imagenet; policy|1; header: column policy, but msdnet-imagenet has no policy-decided blocks",
        "blockdrop-resnet32; policy|111111111111111|11111; row 2 (line 3), field policy: a policy needs 15 bits",
        "msdnet-imagenet; exit; no rows after the header"})
    void malformedDecisionsFilesNameRowAndField(String model, String rows, String message) throws IOException {
        Path f = tmp.resolve("decisions.csv");
        Files.writeString(f, rows.replace('|', '\n') + "\n");
        Path out = tmp.resolve("out.txt");
        Path chart = tmp.resolve("c.svg");
        CliTest.Result r = run("predict", "--model", model, "--device", "tx2", "--decisions", f.toString(), "--out",
                out.toString(), "--chart", chart.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(message), r.err());
        assertTrue(r.err().contains(f.toString()), "names the file: " + r.err());
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(chart));
    }

    @Test
    void probabilitiesAndFilesExcludeEachOther() throws IOException {
        Path f = tmp.resolve("p.txt");
        Files.writeString(f, "1".repeat(15) + "\n");
        CliTest.Result r = run("predict", "--model", "blockdrop-resnet32", "--device", "tx2", "--policies",
                f.toString(), "--keep-probs", "0.5");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("exits/keep-probs: probabilities cannot be combined"), r.err());
        CliTest.Result c = run("predict", "--model", "blockdrop-resnet32", "--device", "tx2", "--keep-probs", "0.5",
                "--chart", tmp.resolve("x.gif").toString());
        assertEquals(2, c.code());
        assertTrue(c.err().contains("chart: "), c.err());
    }

    @Test
    void perInputRatesPredictEachInputWithItsOwnRates() throws IOException {
        Path f = tmp.resolve("rates.csv");
        Files.writeString(f, "rate,layer3.4\n0.5,0.1\n0.5,0.9\n0.3,0.3\n");
        CliTest.Result r = run("predict", "--model", "resnet50", "--device", "tx2", "--mode", "channel",
                "--channel-group", "2", "--decisions", f.toString(), "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode d = new ObjectMapper().readTree(r.out()).get("decisions").get("per_input_batch1");
        double sum = 0;
        for (String rate : new String[] {"0.3"}) {
            CliTest.Result one = run("predict", "--model", "resnet50", "--device", "tx2", "--mode", "channel",
                    "--channel-group", "2", "--rate", rate, "--format", "json");
            sum += new ObjectMapper().readTree(one.out()).get("latency_ms").asDouble();
        }
        assertEquals(sum, d.get("min_ms").asDouble(), 1e-9 * sum, "the uniform 0.3 input is the fastest");
        assertTrue(d.get("max_ms").asDouble() > d.get("p50_ms").asDouble() || d.get("max_ms").asDouble() == d.get("p50_ms").asDouble());
        CliTest.Result bad = run("predict", "--model", "resnet50", "--device", "tx2", "--mode", "channel",
                "--decisions", f.toString(), "--rate", "0.5");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("decisions: per-input rates need --mode"), bad.err());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "rate|1.5; row 1 (line 2), field rate: rate must be in [0, 1], got 1.5",
        "rate,layer9.9|0.5,0.5; header: unknown column 'layer9.9'",
        "layer1.0|x; row 1 (line 2), field layer1.0: 'x' is not a number"})
    void badRateRowsAreRejected(String rows, String message) throws IOException {
        Path f = tmp.resolve("rates.csv");
        Files.writeString(f, rows.replace('|', '\n') + "\n");
        Path out = tmp.resolve("o.json");
        CliTest.Result r = run("predict", "--model", "resnet50", "--device", "tx2", "--mode", "layer",
                "--decisions", f.toString(), "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(message), r.err());
        assertFalse(Files.exists(out));
    }
}
