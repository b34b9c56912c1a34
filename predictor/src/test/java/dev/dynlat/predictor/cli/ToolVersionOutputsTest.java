package dev.dynlat.predictor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynlat.predictor.provenance.ToolVersion;
import dev.dynlat.predictor.request.Workspace;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** JSON outputs name the dynlat that wrote them: the version and commit the build recorded. */
class ToolVersionOutputsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode cliJson(String... args) throws IOException {
        CliTest.Result r = CliTest.run(args);
        assertEquals(0, r.code(), r.err());
        return JSON.readTree(r.out());
    }

    private static void assertNamesThisBuild(JsonNode o) {
        assertEquals(ToolVersion.current().version(), o.get("tool_version").asText(), o.toString());
        assertEquals(ToolVersion.current().commit(), o.get("git_commit").asText(), o.toString());
    }

    @Test
    void theBuildRecordedItsVersionAndACommitOrUnknown() {
        ToolVersion v = ToolVersion.current();
        assertFalse(v.version().equals(ToolVersion.UNKNOWN), "the build writes dynlat/build.properties");
        assertTrue(v.version().matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), v.version());
        assertTrue(v.commit().matches("[0-9a-f]{40}") || v.commit().equals(ToolVersion.UNKNOWN), v.commit());
    }

    @Test
    void searchAnswersInJsonWithTheSameOptimumAsItsTable() throws IOException {
        String[] args = {"search", "--model", "resnet50", "--device", "tx2", "--mode", "spatial", "--rate", "0.5"};
        JsonNode json = cliJson(concat(args, "--format", "json"));
        assertNamesThisBuild(json);
        assertEquals("resnet50", json.get("model").asText());
        String best = json.get("optimum").get("best").asText();
        String table = CliTest.run(args).out();
        assertTrue(table.contains("best S=" + best + ","), best + " vs\n" + table);

        CliTest.Result bad = CliTest.run(concat(args, "--format", "yaml"));
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("format: unknown format 'yaml'; expected table or json"), bad.err());
    }

    @Test
    void modelsShowJsonNamesTheBuild() throws IOException {
        JsonNode json = cliJson("models", "show", "resnet50", "--format", "json");
        assertNamesThisBuild(json);
        assertEquals("resnet50", json.get("name").asText());
    }

    @Test
    void serveAnswersWhichBuildItIs() throws IOException {
        StringWriter out = new StringWriter();
        ServeOperations.server(new Workspace()).serve(new BufferedReader(new StringReader(
                "{\"op\": \"version\", \"id\": 1}\n{\"op\": \"version\", \"id\": 2, \"model\": \"x\"}\n")), out);
        String[] lines = out.toString().split("\n");
        assertNamesThisBuild(JSON.readTree(lines[0]).get("result"));
        assertTrue(JSON.readTree(lines[1]).get("error").asText().startsWith("model:"), lines[1]);
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
