package dev.dynlat.predictor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynlat.predictor.request.Workspace;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code dynlat serve} driven in-process with piped JSON lines. */
class ServeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Serves the lines with one workspace; the answers, one per request line. */
    private static List<JsonNode> serve(Workspace ws, String... lines) throws IOException {
        StringWriter out = new StringWriter();
        ServeOperations.server(ws).serve(new BufferedReader(new StringReader(String.join("\n", lines) + "\n")), out);
        List<JsonNode> answers = new ArrayList<>();
        for (String line : out.toString().split("\n", -1)) {
            if (!line.isEmpty()) {
                answers.add(JSON.readTree(line));
            }
        }
        return answers;
    }

    private static JsonNode cliJson(String... args) throws IOException {
        CliTest.Result r = CliTest.run(args);
        assertEquals(0, r.code(), r.err());
        return JSON.readTree(r.out());
    }

    @Test
    void badRequestsGetAnErrorAndTheNextRequestIsStillAnswered() throws IOException {
        List<JsonNode> a = serve(new Workspace(),
                "{\"op\": \"predict\", \"id\": 1, \"model\": \"resnet50\", \"device\": \"tx2\", \"mode\": \"channel\","
                        + " \"channel_group\": 2, \"rate\": 0.5}",
                "{\"op\": \"predict\", \"id\": 2, \"model\": ",
                "",
                "{\"op\": \"predict\", \"id\": 3, \"model\": \"resnet50\", \"device\": \"tx2\", \"mode\": \"channel\","
                        + " \"rate\": 1.5}",
                "{\"op\": \"predict\", \"id\": \"four\", \"model\": \"resnet50\", \"device\": \"tx2\", \"colour\": 1}",
                "{\"op\": \"predict\", \"id\": 5, \"model\": \"resnet50\", \"device\": \"tx2\", \"rate\": \"half\"}",
                "{\"op\": \"teleport\", \"id\": 6}",
                "[1, 2]",
                "{\"op\": \"predict\", \"id\": 7, \"model\": \"resnet50\", \"device\": \"tx2\", \"out\": \"/tmp/x\"}",
                "{\"op\": \"predict\", \"id\": 8, \"model\": \"resnet50\", \"device\": \"tx2\"}");
        assertEquals(9, a.size(), "one answer per non-blank line: " + a);
        assertEquals(1, a.get(0).get("id").asInt());
        assertTrue(a.get(0).has("result"), a.get(0).toString());
        assertTrue(a.get(1).get("error").asText().startsWith("request: malformed JSON: "), a.get(1).toString());
        assertFalse(a.get(1).has("id"), "an unreadable line has no id to echo");
        assertEquals(3, a.get(2).get("id").asInt());
        assertEquals("rate: must be in [0, 1], got 1.5", a.get(2).get("error").asText());
        assertEquals("four", a.get(3).get("id").asText(), "the id is echoed as given");
        assertTrue(a.get(3).get("error").asText().startsWith("colour: not a field of predict; fields: "),
                a.get(3).toString());
        assertTrue(a.get(4).get("error").asText().contains("'half'"), a.get(4).toString());
        assertTrue(a.get(4).get("error").asText().contains("--rate"), a.get(4).toString());
        assertTrue(a.get(5).get("error").asText().startsWith("op: unknown operation 'teleport'"), a.get(5).toString());
        assertEquals("request: expected a JSON object, got array", a.get(6).get("error").asText());
        assertTrue(a.get(7).get("error").asText().startsWith("out: not a field of predict"), a.get(7).toString());
        assertEquals(8, a.get(8).get("id").asInt());
        assertTrue(a.get(8).get("result").get("latency_ms").asDouble() > 0);
        for (JsonNode x : a) {
            assertTrue(x.has("result") ^ x.has("error"), "exactly one of result and error: " + x);
        }
    }

    @Test
    void numberFieldsTakeTheCliStrictSyntaxWhetherGivenAsJsonNumbersOrText() throws IOException {
        String head = "{\"op\": \"predict\", \"model\": \"resnet50\", \"device\": \"tx2\", \"detail\": \"summary\", ";
        List<JsonNode> a = serve(new Workspace(),
                head + "\"mode\": \"layer\", \"rate\": \"0.5d\"}",
                head + "\"mode\": \"layer\", \"rate\": \"0x1p-1\"}",
                head + "\"batch\": \"\uFF14\"}",
                head + "\"batch\": \"+4\", \"mode\": \"layer\", \"rate\": \"5e-1\"}",
                head + "\"batch\": 4, \"mode\": \"layer\", \"rate\": 0.5}");
        assertEquals("predict: Invalid value for option '--rate': '0.5d' is not a decimal number",
                a.get(0).get("error").asText());
        assertEquals("predict: Invalid value for option '--rate': '0x1p-1' is not a decimal number",
                a.get(1).get("error").asText());
        assertEquals("predict: Invalid value for option '--batch': '\uFF14' is not an integer",
                a.get(2).get("error").asText());
        // Text in the strict syntax is the number it spells: the same answer as JSON numbers.
        assertEquals(a.get(4).get("result"), a.get(3).get("result"), a.get(3).toString());
        assertEquals(4, a.get(3).get("result").get("batch").asInt());
    }

    @Test
    void aPredictionIsTheOneTheCliPrints() throws IOException {
        JsonNode served = serve(new Workspace(), "{\"op\": \"predict\", \"model\": \"resnet50\", \"device\": \"v100\","
                + " \"mode\": \"spatial\", \"granularity\": [4, 4, 2, 1], \"rate\": 0.5, \"batch\": 64}").get(0);
        JsonNode cli = cliJson("predict", "--model", "resnet50", "--device", "v100", "--mode", "spatial",
                "--granularity", "4,4,2,1", "--rate", "0.5", "--batch", "64", "--format", "json");
        // The CLI's JSON names the build itself; a served result leaves that to its envelope.
        ((com.fasterxml.jackson.databind.node.ObjectNode) cli).remove(List.of("tool_version", "git_commit"));
        assertEquals(cli, served.get("result"), "same request, same answer, field for field");
        ProvenanceFields.assertNamesThisBuild(served);
        assertEquals(64, served.get("result").get("batch").asInt());
    }

    @Test
    void aSummaryIsTheFullAnswerWithoutItsStagesAndABadDetailIsAnError() throws IOException {
        String req = "{\"op\": \"predict\", \"id\": %d, \"model\": \"resnet50\", \"device\": \"v100\","
                + " \"mode\": \"channel\", \"channel_group\": 2, \"rate\": 0.5%s}";
        List<JsonNode> a = serve(new Workspace(), String.format(req, 1, ""),
                String.format(req, 2, ", \"detail\": \"summary\""), String.format(req, 3, ", \"detail\": \"some\""),
                String.format(req, 4, ", \"detail\": \"full\""));
        com.fasterxml.jackson.databind.node.ObjectNode full = (com.fasterxml.jackson.databind.node.ObjectNode)
                a.get(0).get("result").deepCopy();
        assertTrue(full.has("stages"));
        full.remove("stages");
        assertEquals(full, a.get(1).get("result"), "every total, no stage rows");
        assertEquals("detail: must be full or summary, got \"some\"", a.get(2).get("error").asText());
        assertEquals(a.get(0).get("result"), a.get(3).get("result"));
    }

    @Test
    void warmRequestsReuseOnePredictorAndGiveTheSameAnswer() throws IOException {
        Workspace ws = new Workspace();
        String req = "{\"op\": \"predict\", \"model\": \"resnet50\", \"device\": \"tx2\", \"mode\": \"layer\","
                + " \"rate\": %s}";
        List<JsonNode> a = serve(ws, String.format(req, "0.5"), String.format(req, "0.7"), String.format(req, "0.5"));
        assertEquals(1, ws.warmPredictors(), "three predictions on one target share one predictor");
        assertEquals(a.get(0).get("result"), a.get(2).get("result"));
        assertTrue(a.get(1).get("result").get("latency_ms").asDouble()
                > a.get(0).get("result").get("latency_ms").asDouble(), "a higher rate runs more blocks");
    }

    /**
     * A server parses every request of a command with one reused parser: what one request sets
     * (batch, mode, rate, granularity, variant, input, a switch) must not reach the next, which is
     * answered as a fresh server answers it alone.
     */
    @Test
    void noFieldOfOneRequestReachesTheNext() throws IOException {
        String[] requests = {
            "{\"op\": \"predict\", \"id\": 1, \"model\": \"resnet50\", \"device\": \"v100\", \"batch\": 8,"
                    + " \"mode\": \"spatial\", \"granularity\": [4, 4, 2, 1], \"rate\": 0.3, \"variant\": \"laudnet\","
                    + " \"input\": 96}",
            "{\"op\": \"predict\", \"id\": 2, \"model\": \"resnet50\", \"device\": \"v100\"}",
            "{\"op\": \"sweep\", \"id\": 3, \"model\": \"resnet50\", \"device\": \"tx2\", \"mode\": \"channel\","
                    + " \"options\": [1, 2], \"rates\": \"0.5:1:0.5\", \"batch\": 4}",
            "{\"op\": \"sweep\", \"id\": 4, \"model\": \"resnet50\", \"device\": \"tx2\", \"mode\": \"spatial\","
                    + " \"options\": [1], \"rates\": \"0.5\"}",
            "{\"op\": \"predict\", \"id\": 5, \"model\": \"resnet50\", \"device\": \"tx2\", \"mode\": \"channel\","
                    + " \"rate\": 0.5}"};
        List<JsonNode> together = serve(new Workspace(), requests);
        for (int i = 0; i < requests.length; i++) {
            JsonNode alone = serve(new Workspace(), requests[i]).get(0);
            assertTrue(alone.has("result"), alone.toString());
            assertEquals(alone, together.get(i), "request " + (i + 1));
        }
        assertEquals(128, together.get(1).get("result").get("batch").asInt(), "the profile's batch, not request 1's");
    }

    @Test
    void sweepSearchModelsAndDevicesAnswerWithTheirRows() throws IOException {
        List<JsonNode> a = serve(new Workspace(),
                "{\"op\": \"sweep\", \"id\": 1, \"model\": \"resnet50\", \"device\": \"tx2\", \"mode\": \"spatial\","
                        + " \"options\": [1, 2], \"rates\": [0.5, 1]}",
                "{\"op\": \"search\", \"id\": 2, \"model\": \"resnet50\", \"device\": \"tx2\", \"mode\": \"spatial\","
                        + " \"rate\": 0.5}",
                "{\"op\": \"models\", \"id\": 3}",
                "{\"op\": \"devices\", \"id\": 4}",
                "{\"op\": \"sweep\", \"id\": 5, \"model\": \"resnet50\", \"device\": \"tx2\", \"mode\": \"spatial\","
                        + " \"spec\": \"s.yaml\"}");
        JsonNode sweep = a.get(0).get("result");
        assertEquals(4, sweep.get("rows").size(), "2 options x 2 rates");
        assertEquals(2, sweep.get("best").size(), "one best row per rate");
        assertTrue(sweep.get("best").get(0).has("latency_per_stage_ms_per_image"), sweep.get("best").toString());
        String cliSearch = CliTest.run("search", "--model", "resnet50", "--device", "tx2", "--mode", "spatial",
                "--rate", "0.5").out();
        String best = a.get(1).get("result").get("optimum").get("best").asText();
        assertTrue(cliSearch.contains("best S=" + best + ","), best + " vs\n" + cliSearch);
        assertEquals(cliJson("models", "--format", "json").get("models"), a.get(2).get("result"));
        assertEquals(cliJson("devices", "--format", "json").get("devices"), a.get(3).get("result"));
        assertTrue(a.get(4).get("error").asText().startsWith("spec: not a field of sweep"), a.get(4).toString());
    }

    @Test
    void theHttpDoorAnswersOnePostedRequestWithTheSameAnswer() throws Exception {
        var server = ServeOperations.server(new Workspace());
        try (var front = dev.dynlat.predictor.serve.HttpFront.start(server, 0)) {
            var client = java.net.http.HttpClient.newHttpClient();
            java.net.URI uri = java.net.URI.create("http://127.0.0.1:" + front.port() + "/");
            String good = "{\"op\": \"predict\", \"id\": 1, \"model\": \"resnet50\", \"device\": \"tx2\"}";
            var ok = client.send(java.net.http.HttpRequest.newBuilder(uri)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(good)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ok.statusCode());
            assertEquals(server.answer(good), JSON.readTree(ok.body()));
            var bad = client.send(java.net.http.HttpRequest.newBuilder(uri)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"op\": \"predict\", \"rate\": 3,\n"
                            + " \"model\": \"resnet50\", \"device\": \"tx2\", \"mode\": \"layer\"}")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(400, bad.statusCode());
            assertEquals("rate: must be in [0, 1], got 3.0", JSON.readTree(bad.body()).get("error").asText());
            var get = client.send(java.net.http.HttpRequest.newBuilder(uri).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(405, get.statusCode());
        }
        assertEquals("port: must be 0 to 65535, got 70000",
                org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                        () -> dev.dynlat.predictor.serve.HttpFront.start(server, 70000)).getMessage());
    }

    @Test
    void theServeCommandEndsWithExitZeroAtEndOfInput() {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream(("{\"op\": \"devices\", \"id\": 1}\nnot json\n{\"op\": \"models\"}\n")
                    .getBytes(StandardCharsets.UTF_8)));
            CliTest.Result r = CliTest.run("serve");
            assertEquals(0, r.code(), r.err());
            String[] lines = r.out().split("\n");
            assertEquals(3, lines.length, r.out());
            assertTrue(lines[1].startsWith("{\"error\":\"request: malformed JSON"), lines[1]);
            assertTrue(lines[2].startsWith("{\"result\":["), lines[2]);
        } finally {
            System.setIn(stdin);
        }
    }
}
