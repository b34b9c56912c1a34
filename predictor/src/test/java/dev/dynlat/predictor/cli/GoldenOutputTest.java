package dev.dynlat.predictor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Machine-readable outputs byte for byte against golden files (written once by the CLI and
 * reviewed): any change to the schema, the formatting or a predicted value shows up here and
 * needs a deliberate update of the golden file. The build fields ({@code tool_version},
 * {@code git_commit}) are compared as placeholders ({@link ProvenanceFields#normalised}) and checked
 * for presence on their own, so the golden files do not change with every commit.
 */
class GoldenOutputTest {
    @TempDir
    Path tmp;

    private static String golden(String name) throws IOException {
        try (InputStream in = GoldenOutputTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String produce(String... args) throws IOException {
        Path out = tmp.resolve("out");
        String[] full = java.util.Arrays.copyOf(args, args.length + 2);
        full[args.length] = "--out";
        full[args.length + 1] = out.toString();
        assertEquals(0, CliTest.run(full).code());
        return Files.readString(out);
    }

    @Test
    void staticJson() throws IOException {
        String json = produce("predict", "--model", "regnety-400mf", "--device", "nano", "--format", "json");
        assertEquals(golden("regnety-400mf-nano.json"), ProvenanceFields.normalised(json));
        ProvenanceFields.assertNamesThisBuild(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json));
    }

    @Test
    void spatialCsv() throws IOException {
        assertEquals(golden("resnet50-tx2-spatial.csv"), produce("predict", "--model", "resnet50", "--device", "tx2",
                "--mode", "spatial", "--granularity", "4,4,2,1", "--rate", "0.5", "--format", "csv"));
    }

    @Test
    void sweepTableCsv() throws IOException {
        Path out = tmp.resolve("sweep.csv");
        assertEquals(0, CliTest.run("sweep", "--model", "resnet50", "--device", "tx2", "--mode", "spatial", "--options",
                "1,2,4", "--rates", "0.25,0.75", "--out", out.toString()).code());
        assertEquals(golden("sweep-resnet50-tx2-spatial.csv"), Files.readString(out));
    }
}
