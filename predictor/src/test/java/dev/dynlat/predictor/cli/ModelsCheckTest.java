package dev.dynlat.predictor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code models check FILE} (validate only) and {@code models show --format json}. */
class ModelsCheckTest {
    @TempDir
    Path tmp;

    @Test
    void checkPrintsOneLineWithNodesAndMacsOrEveryProblem() throws IOException {
        CliTest.Result ok = CliTest.run("models", "check", "../src/examples/networks/wrn-28-10.yaml");
        assertEquals(0, ok.code(), ok.err());
        assertEquals(1, ok.out().strip().lines().count(), ok.out());
        assertTrue(ok.out().contains("wrn-28-10 at 32x32: 15 nodes, 5.2433 GMACs"), ok.out());
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "network: x\ninput: {size: 8, colour: 3}\nstages:\n  - stage: s\n    nodes:\n"
                + "      - {id: a, op: convv}\n");
        CliTest.Result r = CliTest.run("models", "check", bad.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown key 'colour'") && r.err().contains("unknown operator kind 'convv'"),
                r.err());
        assertEquals(java.util.List.of("bad.yaml"), java.util.List.of(tmp.toFile().list()), "nothing written");
    }

    @Test
    void showAsJsonListsTheInputAndEveryNode() throws IOException {
        CliTest.Result r = CliTest.run("models", "show", "resnet50", "--input", "800x1333", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(800, j.get("input").get("height").asInt());
        assertEquals(1333, j.get("input").get("width").asInt());
        double sum = 0;
        for (JsonNode n : j.get("nodes")) {
            sum += n.get("macs").asDouble();
        }
        assertEquals(j.get("macs").asDouble(), sum, 1);
        assertEquals("2048x25x42", j.get("nodes").get(j.get("nodes").size() - 3).get("output").asText());
        CliTest.Result bad = CliTest.run("models", "show", "resnet50", "--format", "xml");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("format: unknown format 'xml'"), bad.err());
    }
}
