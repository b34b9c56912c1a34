package dev.dynlat.predictor.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.profile.DeviceCatalog;
import dev.dynlat.predictor.dynamic.CnnDynamics;
import dev.dynlat.predictor.dynamic.Paradigm;
import dev.dynlat.predictor.dynamic.StageDynamics;
import dev.dynlat.predictor.engine.Prediction;
import dev.dynlat.predictor.engine.Predictor;
import dev.dynlat.predictor.workload.Role;
import dev.dynlat.predictor.engine.StagePrediction;
import dev.dynlat.predictor.engine.Workload;
import dev.dynlat.predictor.provenance.ToolVersion;
import dev.dynlat.predictor.schedule.Schedule;
import dev.dynlat.predictor.workload.NetworkZoo;
import dev.dynlat.predictor.workload.Network;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepRunnerTest {
    /**
     * 1 static row + 3 rates x (2*2*2*2 spatial, S=8 capped at 7 in the 7x7 last stage, + 2*2*2*2
     * channel + 1 layer) = 100 rows per target.
     */
    static final String SPEC = """
            models: [resnet50]
            devices: [tx2, v100]
            paradigms:
              spatial: {granularity: [2, 8]}
              channel: {channel_group: [1, 4]}
              layer: {}
            rates: [0.3, 0.6, 0.9]
            """;

    static final int ROWS = 2 * 100;

    @TempDir
    Path tmp;

    private static SweepPlan plan() {
        return SweepSpecLoader.parse(SPEC, "spec.yaml");
    }

    private static SweepRunner.Result run(Path out, int threads, SweepRunner.Checkpoint checkpoint) {
        return run(out, threads, checkpoint, ToolVersion.current());
    }

    private static SweepRunner.Result run(Path out, int threads, SweepRunner.Checkpoint checkpoint, ToolVersion tool) {
        StringWriter err = new StringWriter();
        return new SweepRunner(plan(), RowFormat.fromPath(out), threads, tool)
                .run(out, new PrintWriter(err), false, 10_000, checkpoint);
    }

    private static final class Killed extends RuntimeException {
        Killed() {
            super("simulated kill");
        }
    }

    @Test
    void killedAndResumedGivesTheSameBytesAsAnUninterruptedRun() throws IOException {
        Path whole = tmp.resolve("whole.csv");
        run(whole, 1, rows -> { });
        Path resumed = tmp.resolve("resumed.csv");
        assertThrows(Killed.class, () -> run(resumed, 2, rows -> {
            if (rows > 40) {
                throw new Killed();
            }
        }));
        long rowsBefore = Files.readAllLines(resumed).size() - 1;
        assertTrue(rowsBefore > 0 && rowsBefore < ROWS, "interrupted midway: " + rowsBefore);
        // A kill in the middle of a write leaves a torn last line; the resume must cut it off.
        Files.writeString(resumed, "resnet50,v100,laudnet,1,spat", StandardOpenOption.APPEND);
        SweepRunner.Result r = run(resumed, 3, rows -> { });
        assertEquals(rowsBefore, r.rowsResumed());
        assertEquals(ROWS - rowsBefore, r.rowsWritten());
        assertArrayEquals(Files.readAllBytes(whole), Files.readAllBytes(resumed));
        assertEquals(0, run(resumed, 1, rows -> { }).rowsWritten(), "a complete file is left as is");
        assertArrayEquals(Files.readAllBytes(whole), Files.readAllBytes(resumed));
    }

    @Test
    void anOutputOfAnotherSpecIsRefusedAndLeftUntouched() throws IOException {
        Path out = tmp.resolve("other.csv");
        Path sidecar = tmp.resolve("other.csv.meta.json");
        Files.writeString(out, "model\n");
        Files.writeString(sidecar, "{\"dynlat_sweep\":{\"spec_sha256\":\"00\",\"rows\":3}}\n");
        byte[] before = Files.readAllBytes(out);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run(out, 1, rows -> { }));
        assertTrue(e.getMessage().contains("was not written by this sweep spec and dynlat build (its sidecar "
                + "'other.csv.meta.json' differs)"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(out));

        Path jsonl = tmp.resolve("other.jsonl");
        Files.writeString(jsonl, "{\"dynlat_sweep\":{\"spec_sha256\":\"00\",\"rows\":3}}\n");
        IllegalArgumentException j = assertThrows(IllegalArgumentException.class, () -> run(jsonl, 1, rows -> { }));
        assertTrue(j.getMessage().contains("(its first line differs)"), j.getMessage());
    }

    @Test
    void theCsvStartsWithItsHeaderAndTheSidecarNamesTheSweepAndTheBuild() throws IOException {
        Path out = tmp.resolve("sweep.csv");
        run(out, 2, rows -> { }, new ToolVersion("9.9.9", "0123456789abcdef0123456789abcdef01234567"));
        List<String> lines = Files.readAllLines(out);
        List<String> columns = SweepColumns.names(plan().stageColumns());
        assertEquals(String.join(",", columns), lines.get(0));
        assertTrue(lines.get(0).startsWith("model,device,variant,batch,paradigm,option,rate,latency_ms,"), lines.get(0));
        assertEquals(1 + ROWS, lines.size());

        JsonNode meta = new ObjectMapper().readTree(tmp.resolve("sweep.csv.meta.json").toFile()).get("dynlat_sweep");
        assertEquals(plan().fingerprint(), meta.get("spec_sha256").asText());
        assertEquals(ROWS, meta.get("rows").asLong());
        assertEquals(columns, new ObjectMapper().convertValue(meta.get("columns"), List.class));
        assertEquals("9.9.9", meta.get("tool_version").asText());
        assertEquals("0123456789abcdef0123456789abcdef01234567", meta.get("git_commit").asText());

        Path jsonl = tmp.resolve("sweep.jsonl");
        run(jsonl, 1, rows -> { }, new ToolVersion("9.9.9", ToolVersion.UNKNOWN));
        JsonNode header = new ObjectMapper().readTree(Files.readAllLines(jsonl).get(0)).get("dynlat_sweep");
        assertEquals(plan().fingerprint(), header.get("spec_sha256").asText());
        assertEquals("unknown", header.get("git_commit").asText());
        assertFalse(Files.exists(tmp.resolve("sweep.jsonl.meta.json")), "JSON Lines keep their identity inside");
    }

    @Test
    void anotherBuildDoesNotResumeAndAMissingSidecarIsNamed() throws IOException {
        Path out = tmp.resolve("s.csv");
        ToolVersion a = new ToolVersion("1.0", "unknown");
        assertThrows(Killed.class, () -> run(out, 1, rows -> {
            throw new Killed();
        }, a));
        byte[] before = Files.readAllBytes(out);
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                () -> run(out, 1, rows -> { }, new ToolVersion("1.1", "unknown")));
        assertTrue(other.getMessage().contains("dynlat build (its sidecar 's.csv.meta.json' differs)"),
                other.getMessage());
        assertArrayEquals(before, Files.readAllBytes(out));
        assertTrue(run(out, 1, rows -> { }, a).rowsResumed() > 0, "the same build resumes");

        Files.delete(tmp.resolve("s.csv.meta.json"));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> run(out, 1, rows -> { }, a));
        assertEquals("out: '" + out + "' exists but its sidecar 's.csv.meta.json' does not, so it cannot be resumed;"
                + " delete it or choose another --out", missing.getMessage());
    }

    @Test
    void aCsvWithTheOldFingerprintLineIsRefusedInOneLine() throws IOException {
        Path out = tmp.resolve("old.csv");
        Files.writeString(out, "# dynlat-sweep spec_sha256=" + plan().fingerprint() + " rows=152\nmodel,device\n");
        byte[] before = Files.readAllBytes(out);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run(out, 1, rows -> { }));
        assertEquals("out: '" + out + "' was written by an older dynlat (first line '# dynlat-sweep …') and cannot be"
                + " resumed; delete it or choose another --out", e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(out));
        assertFalse(Files.exists(tmp.resolve("old.csv.meta.json")));
    }

    @Test
    void rowsAreTheEngineWholeNetworkPredictionsInOrderAndThreadCountDoesNotMatter() throws IOException {
        Path one = tmp.resolve("one.csv");
        Path three = tmp.resolve("three.jsonl");
        Path threeCsv = tmp.resolve("three.csv");
        run(one, 1, rows -> { });
        run(threeCsv, 3, rows -> { });
        run(three, 3, rows -> { });
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(threeCsv));
        List<String> lines = Files.readAllLines(one);
        List<String> header = Arrays.asList(lines.get(0).split(","));
        assertEquals(1 + ROWS, lines.size());
        assertEquals(1 + ROWS, Files.readAllLines(three).size());

        Network net = NetworkZoo.get("resnet50");
        List<String> checked = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            String option = c[header.indexOf("option")];
            Paradigm paradigm = Paradigm.parse("paradigm", c[header.indexOf("paradigm")]);
            double rate = Double.parseDouble(c[header.indexOf("rate")]);
            Predictor predictor = new Predictor(DeviceCatalog.load(c[1]), ModelVariant.LAUDNET, Schedule.defaults());
            Workload w;
            if (paradigm == Paradigm.STATIC) {
                w = Workload.dense(net);
            } else if (paradigm == Paradigm.LAYER) {
                w = new Workload(net, CnnDynamics.uniform(paradigm, net, new int[] {1, 1, 1, 1}, rate));
            } else {
                int[] per = Arrays.stream(option.split("-")).mapToInt(Integer::parseInt).toArray();
                w = new Workload(net, CnnDynamics.uniform(paradigm, net, per, rate));
            }
            Prediction p = predictor.predict(w);
            assertClose(p.latencyMs(), c[header.indexOf("latency_ms")], line);
            assertClose(p.blocksLatencyMs(), c[header.indexOf("blocks_latency_ms")], line);
            List<StagePrediction> stages = p.stages().stream().filter(StagePrediction::residual).toList();
            for (int k = 0; k < 4; k++) {
                assertClose(stages.get(k).latencyMs(), c[header.indexOf(SweepColumns.stageLatency(k + 1))], line);
                assertClose(stages.get(k).latencyMs(Role.CONV), c[header.indexOf(SweepColumns.stageRole(k + 1, "conv"))],
                        line);
            }
            checked.add(option);
        }
        assertTrue(checked.contains("2-8-8-2") && checked.contains("8-2-2-2"), checked.toString());
        assertTrue(checked.contains("4-1-4-1") && checked.contains("layer") && checked.contains("static"));
    }

    @Test
    void staticStageDynamicsAreNeverSwept() {
        // Guard for the evaluator's premise: a stage's prediction depends only on its own dynamics.
        Network net = NetworkZoo.get("resnet50");
        Predictor p = new Predictor(DeviceCatalog.load("tx2"), ModelVariant.LAUDNET, Schedule.defaults());
        double a = p.predict(new Workload(net, CnnDynamics.uniform(Paradigm.SPATIAL, net, new int[] {2, 2, 2, 1}, 0.5)))
                .stages().get(1).latencyMs();
        List<StageDynamics> mixed = new ArrayList<>(CnnDynamics.uniform(Paradigm.SPATIAL, net,
                new int[] {2, 4, 7, 7}, 0.5).stages());
        mixed.set(0, CnnDynamics.uniform(Paradigm.SPATIAL, net, new int[] {2, 2, 2, 1}, 0.5).stages().get(0));
        double b = p.predict(new Workload(net, new CnnDynamics(Paradigm.SPATIAL, mixed))).stages().get(1).latencyMs();
        assertEquals(a, b, 0.0, "stage 1 must not depend on the options of later stages");
    }

    private static void assertClose(double expected, String text, String line) {
        double v = Double.parseDouble(text);
        assertEquals(expected, v, Math.abs(expected) * 6e-6 + 1e-12, line);
    }

    @Test
    void sixSignificantDigitsWithoutExponent() {
        assertEquals("183.097", RowNumbers.text(183.09701));
        assertEquals("0.5", RowNumbers.text(0.5));
        assertEquals("12", RowNumbers.text(12.0000001));
        assertEquals("0.000123457", RowNumbers.text(0.0001234567));
        assertEquals("1234570", RowNumbers.text(1234567.0));
        assertEquals("-2.5", RowNumbers.text(-2.5));
        assertEquals("0", RowNumbers.text(0.0));
        assertEquals(new String("1e+20".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).length(), 5);
    }
}
