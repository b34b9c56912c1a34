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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every machine-readable output names the dynlat that wrote it, the version and commit the build
 * recorded: JSON in its own members, a CSV written to a file in its sidecar {@code <file>.meta.json}.
 */
class ToolVersionOutputsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode cliJson(String... args) throws IOException {
        CliTest.Result r = CliTest.run(args);
        assertEquals(0, r.code(), r.err());
        return JSON.readTree(r.out());
    }

    private static void assertNamesThisBuild(JsonNode o) {
        ProvenanceFields.assertNamesThisBuild(o);
    }

    @TempDir
    Path tmp;

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
    void serveAnswersWhichBuildItIsAndEveryAnswerSaysSoToo() throws IOException {
        StringWriter out = new StringWriter();
        ServeOperations.server(new Workspace()).serve(new BufferedReader(new StringReader(
                "{\"op\": \"version\", \"id\": 1}\n{\"op\": \"version\", \"id\": 2, \"model\": \"x\"}\n"
                        + "{\"op\": \"models\", \"id\": 3}\nnot json\n")), out);
        String[] lines = out.toString().split("\n");
        assertEquals(4, lines.length, out.toString());
        assertNamesThisBuild(JSON.readTree(lines[0]).get("result"));
        assertTrue(JSON.readTree(lines[1]).get("error").asText().startsWith("model:"), lines[1]);
        for (String line : lines) {
            assertNamesThisBuild(JSON.readTree(line));
        }
        assertTrue(JSON.readTree(lines[2]).get("result").isArray(), "the result itself is unchanged: " + lines[2]);
    }

    @Test
    void predictJsonNamesTheBuildAndItsCsvFileGetsASidecar() throws IOException {
        String[] args = {"predict", "--model", "resnet50", "--device", "tx2", "--mode", "spatial", "--granularity",
            "4,4,2,1", "--rate", "0.5"};
        assertNamesThisBuild(cliJson(concat(args, "--format", "json")));
        Path csv = tmp.resolve("p.csv");
        assertEquals(0, CliTest.run(concat(args, "--format", "csv", "--out", csv.toString())).code());
        assertSidecarNamesThisBuild(csv);
        Path table = tmp.resolve("p.txt");
        assertEquals(0, CliTest.run(concat(args, "--out", table.toString())).code());
        assertFalse(Files.exists(tmp.resolve("p.txt.meta.json")), "a table for people has no sidecar");
    }

    @Test
    void modelsAndDevicesListsAreObjectsThatNameTheBuild() throws IOException {
        JsonNode models = cliJson("models", "--format", "json");
        assertNamesThisBuild(models);
        assertEquals("resnet50", models.get("models").get(0).get("name").asText());
        JsonNode devices = cliJson("devices", "--format", "json");
        assertNamesThisBuild(devices);
        assertTrue(devices.get("devices").size() > 3, devices.toString());
        JsonNode v100 = cliJson("devices", "show", "v100", "--format", "json");
        assertNamesThisBuild(v100);
        ((com.fasterxml.jackson.databind.node.ObjectNode) v100).remove(List.of("tool_version", "git_commit"));
        JsonNode listed = null;
        for (JsonNode d : devices.get("devices")) {
            listed = d.get("name").asText().equals("v100") ? d : listed;
        }
        assertEquals(listed, v100, "devices show gives the row of the list");
        assertEquals(80, v100.get("engines").asInt());
        CliTest.Result bad = CliTest.run("devices", "show", "v100", "--format", "toml");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("format: unknown format 'toml'; expected text, yaml or json"), bad.err());
    }

    @Test
    void aFlagFormSweepCsvAndAReportSummaryCsvGetSidecars() throws IOException {
        Path csv = tmp.resolve("s.csv");
        assertEquals(0, CliTest.run("sweep", "--model", "resnet50", "--device", "tx2", "--mode", "spatial",
                "--options", "1,2", "--rates", "0.5", "--out", csv.toString()).code());
        assertSidecarNamesThisBuild(csv);
        assertTrue(Files.readString(csv).startsWith("model,"), "the CSV itself stays a plain table");

        Path spec = tmp.resolve("spec.yaml");
        Files.writeString(spec, "models: [resnet50]\ndevices: [tx2]\nparadigms:\n  spatial: {granularity: [1, 2]}\n"
                + "rates: [0.5]\n");
        Path results = tmp.resolve("results.csv");
        CliTest.Result swept = CliTest.run("sweep", "--spec", spec.toString(), "--out", results.toString());
        assertEquals(0, swept.code(), swept.err());
        Path dir = tmp.resolve("report");
        CliTest.Result report = CliTest.run("report", "--from", results.toString(), "--out", dir.toString(),
                "--format", "svg");
        assertEquals(0, report.code(), report.err());
        assertSidecarNamesThisBuild(dir.resolve("summary.csv"));
        assertTrue(report.out().contains("summary.csv.meta.json"), report.out());
    }

    private static void assertSidecarNamesThisBuild(Path csv) throws IOException {
        Path sidecar = csv.resolveSibling(csv.getFileName() + ".meta.json");
        assertTrue(Files.isRegularFile(sidecar), sidecar + " missing");
        assertNamesThisBuild(JSON.readTree(sidecar.toFile()));
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
