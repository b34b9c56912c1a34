package dev.dynlat.predictor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dynlat sweep --spec}: the golden sweep table and the up-front rejections. */
class SpecSweepTest {
    @TempDir
    Path tmp;

    private static String resource(String name) throws IOException {
        try (InputStream in = SpecSweepTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Path spec(String yaml) throws IOException {
        Path p = tmp.resolve("spec.yaml");
        Files.writeString(p, yaml);
        return p;
    }

    /**
     * To update after a deliberate change (schema, formatting, a predicted value or a built-in
     * profile, which the sidecar's fingerprint covers): delete the golden CSV, then run
     * {@code ./dynlat sweep --spec predictor/src/test/resources/golden/sweep-spec.yaml
     * --out predictor/src/test/resources/golden/sweep-resnet50-tx2.csv} and review the diff.
     */
    @Test
    void sweepTableMatchesTheGoldenFile() throws IOException {
        Path spec = spec(resource("sweep-spec.yaml"));
        Path out = tmp.resolve("sweep.csv");
        CliTest.Result r = CliTest.run("sweep", "--spec", spec.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(resource("sweep-resnet50-tx2.csv"), Files.readString(out));
        assertTrue(r.err().contains("sweep: 13 rows in"), r.err());
        assertTrue(Files.readString(tmp.resolve("sweep.csv.meta.json")).startsWith("{\"dynlat_sweep\":{\"spec_sha256\":\""
                + "81d51a21df4e730d3ba6a41d96b737c06139c6daa3dda524994da00b9f5a08ea\",\"rows\":13,\"columns\":[\"model\","));
    }

    @Test
    void anInvalidSpecListsEveryProblemAndWritesNothing() throws IOException {
        Path spec = spec("""
                models: [resnet50, vgg]
                devices: [tx2]
                paradigms:
                  spatial: {granularity: [99]}
                rates: {from: 0.5, to: 0.1, step: 0.1}
                """);
        Path out = tmp.resolve("never.csv");
        CliTest.Result r = CliTest.run("sweep", "--spec", spec.toString(), "--out", out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("spec.yaml:1 models[1]: model: unknown model 'vgg'"), r.err());
        assertTrue(r.err().contains("granularity 99 fits no stage of resnet50"), r.err());
        assertTrue(r.err().contains("empty range"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void flagsBesideASpecAndOtherOutputsAreRejected() throws IOException {
        Path spec = spec(resource("sweep-spec.yaml"));
        CliTest.Result flags = CliTest.run("sweep", "--spec", spec.toString(), "--model", "resnet50",
                "--out", tmp.resolve("a.csv").toString());
        assertEquals(2, flags.code());
        assertTrue(flags.err().contains("spec: --spec takes models"), flags.err());
        CliTest.Result md = CliTest.run("sweep", "--spec", spec.toString(), "--out", tmp.resolve("a.md").toString());
        assertEquals(2, md.code());
        assertTrue(md.err().contains("must end in .csv or .jsonl"), md.err());
        CliTest.Result dir = CliTest.run("sweep", "--spec", spec.toString(), "--out", tmp.resolve("d.csv").toString(),
                "--threads", "0");
        assertEquals(2, dir.code());
        assertTrue(dir.err().contains("threads: must be 1 to"), dir.err());
        CliTest.Result noMode = CliTest.run("sweep", "--model", "resnet50", "--device", "tx2");
        assertEquals(2, noMode.code());
        assertTrue(noMode.err().contains("--mode"), noMode.err());
        assertFalse(Files.exists(tmp.resolve("a.csv")));
        Path dirOut = Files.createDirectory(tmp.resolve("dir.csv"));
        CliTest.Result isDir = CliTest.run("sweep", "--spec", spec.toString(), "--out", dirOut.toString());
        assertEquals(2, isDir.code());
        assertTrue(isDir.err().contains("is a directory"), isDir.err());
        CliTest.Result noParent = CliTest.run("sweep", "--spec", spec.toString(), "--out",
                tmp.resolve("missing/x.csv").toString());
        assertEquals(2, noParent.code());
        assertTrue(noParent.err().contains("does not exist"), noParent.err());
    }

    @Test
    void aSymlinkToTheOutputIsWrittenThroughAndResumed() throws IOException {
        Path spec = spec(resource("sweep-spec.yaml"));
        Path real = tmp.resolve("real.csv");
        Path link = Files.createSymbolicLink(tmp.resolve("link.csv"), real);
        assertEquals(0, CliTest.run("sweep", "--spec", spec.toString(), "--out", link.toString()).code());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(resource("sweep-resnet50-tx2.csv"), Files.readString(real));
        CliTest.Result again = CliTest.run("sweep", "--spec", spec.toString(), "--out", link.toString());
        assertEquals(0, again.code());
        assertTrue(again.err().contains("already holds all 13 rows"), again.err());
    }
}
