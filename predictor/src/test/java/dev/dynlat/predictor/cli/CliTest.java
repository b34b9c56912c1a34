package dev.dynlat.predictor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.profile.DeviceCatalog;
import dev.dynlat.predictor.engine.Predictor;
import dev.dynlat.predictor.engine.Workload;
import dev.dynlat.predictor.schedule.Schedule;
import dev.dynlat.predictor.workload.NetworkZoo;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** End-to-end tests of the {@code dynlat} command line. */
public class CliTest {
    @TempDir
    Path tmp;

    public record Result(int code, String out, String err) {
    }

    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DynlatCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    /** Writes {@code specYaml} to {@code dir/spec.yaml} and sweeps it into {@code dir/outName}, which must succeed. */
    public static Path sweep(Path dir, String specYaml, String outName) throws IOException {
        Path spec = dir.resolve("spec.yaml");
        Files.writeString(spec, specYaml);
        Path out = dir.resolve(outName);
        Result r = run("sweep", "--spec", spec.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        return out;
    }

    @Test
    void staticPredictionJsonMatchesLibrary() throws IOException {
        Result r = run("predict", "--model", "resnet101", "--device", "v100", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        double lib = new Predictor(DeviceCatalog.load("v100"), ModelVariant.LAUDNET, Schedule.defaults())
                .predict(Workload.dense(NetworkZoo.get("resnet101"))).blocksLatencyMs();
        assertEquals(lib, j.get("blocks_latency_ms").asDouble(), 1e-12);
        assertEquals(128, j.get("batch").asInt(), "default batch is the profile's");
        assertTrue(j.get("latency_ms").asDouble() > j.get("blocks_latency_ms").asDouble(),
                "whole network includes stem and head");
        assertFalse(j.has("speedup"), "static predictions have no speedup");
    }

    @Test
    void dynamicPredictionReportsStaticAndSpeedup() throws IOException {
        Result r = run("predict", "--model", "resnet50", "--device", "tx2", "--mode", "channel", "--channel-group",
                "2", "--rate", "0.5", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        double speedup = j.get("static_latency_ms").asDouble() / j.get("latency_ms").asDouble();
        assertEquals(speedup, j.get("speedup").asDouble(), 1e-12);
        assertTrue(j.get("static_blocks_latency_ms").asDouble() > j.get("blocks_latency_ms").asDouble());
        assertTrue(j.get("stages").get(3).get("roles_ms").has("masker"), "role breakdown has the masker");
    }

    @Test
    void tableOutputIsDeterministicAndNamesTheBound() {
        Result a = run("predict", "--model", "regnety-400mf", "--device", "nano");
        Result b = run("predict", "--model", "regnety-400mf", "--device", "nano");
        assertEquals(0, a.code(), a.err());
        assertEquals(a.out(), b.out());
        assertTrue(a.out().contains("bound:"));
        assertTrue(a.out().contains("| trunk3 "), a.out());
    }

    @Test
    void outWritesFileAtomically() throws IOException {
        Path out = tmp.resolve("r.csv");
        Result r = run("predict", "--model", "resnet50", "--device", "v100", "--format", "csv", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        String csv = Files.readString(out);
        assertTrue(csv.startsWith("model,device,variant,batch,stage,block,operator"), csv.substring(0, 80));
        assertEquals("", r.out());
    }

    @Test
    void userProfileFileIsAccepted() throws IOException {
        Path p = tmp.resolve("mygpu.yaml");
        String yaml = new String(DeviceCatalog.class.getClassLoader()
                .getResourceAsStream("dynlat/profiles/tx2.yaml").readAllBytes()).replace("name: tx2", "name: mygpu");
        Files.writeString(p, yaml);
        Result r = run("predict", "--model", "resnet50", "--device", p.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("on mygpu"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown model      | --model resnet9 --device v100                                       | model: unknown model 'resnet9'",
        "unknown device     | --model resnet50 --device v200                                      | device: unknown device 'v200'",
        "batch zero         | --model resnet50 --device v100 --batch 0                            | batch: must be an integer in [1, 2147483647], got 0",
        "batch negative     | --model resnet50 --device v100 --batch -4                           | batch: must be an integer in [1, 2147483647], got -4",
        "rate above one     | --model resnet50 --device v100 --mode layer --rate 1.5              | rate: must be in [0, 1], got 1.5",
        "rate NaN           | --model resnet50 --device v100 --mode layer --rate NaN              | rate: must be in [0, 1], got NaN",
        "granularity big    | --model resnet50 --device v100 --mode spatial --granularity 8 --rate 0.5 | granularity: 8 is larger than the 7x7 feature map",
        "granularity zero   | --model resnet50 --device v100 --mode spatial --granularity 0 --rate 0.5 | granularity: must be a positive integer, got 0",
        "granularity text   | --model resnet50 --device v100 --mode spatial --granularity a --rate 0.5 | granularity: 'a' is not a positive integer",
        "granularity count  | --model resnet50 --device v100 --mode spatial --granularity 4,4,2 --rate 0.5 | granularity: expected 1 or 4 values, got 3",
        "channel group      | --model resnet50 --device v100 --mode channel --channel-group 3 --rate 0.5 | channel-group: 3 does not divide the 64 channels",
        "missing rate       | --model resnet50 --device v100 --mode spatial --granularity 2        | rate: required with --mode spatial",
        "unknown mode       | --model resnet50 --device v100 --mode pixel --rate 0.5              | mode: unknown mode 'pixel'",
        "unknown format     | --model resnet50 --device v100 --format xml                         | format: unknown format 'xml'",
        "unknown variant    | --model resnet50 --device v100 --variant exact                      | variant: unknown variant 'exact'",
        "no calibration     | --model resnet50 --device v100 --variant calibrated                 | variant: device 'v100' has no calibrated coefficients",
        "vit head rate      | --model t2t-vit-19 --device v100 --head-rate 0.1                    | head-rate: 0.1 keeps no head of 7",
        "cnn mode on vit    | --model t2t-vit-19 --device v100 --mode layer --rate 0.5            | mode: layer skipping applies to residual CNN blocks",
        "missing model      | --device v100                                                       | Missing required option: '--model=NAME|FILE'"})
    void badInputExitsWithTwoAndOneLine(String name, String args, String message) {
        Path out = tmp.resolve("out.json");
        String[] argv = (args.strip() + " --out " + out).split("\\s+");
        String[] full = new String[argv.length + 1];
        full[0] = "predict";
        System.arraycopy(argv, 0, full, 1, argv.length);
        Result r = run(full);
        assertEquals(2, r.code(), name + ": " + r.err());
        assertTrue(r.err().contains(message), name + ": " + r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertFalse(Files.exists(out), "no output file on error");
    }

    @Test
    void malformedAndIncompleteProfilesAreReportedWithLines() throws IOException {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "name: x\nkind: gpu\n  - : [\n");
        Result r = run("predict", "--model", "resnet50", "--device", bad.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(bad + ":"), r.err());
        assertTrue(r.err().contains("malformed YAML"), r.err());

        Path incomplete = tmp.resolve("incomplete.yaml");
        String yaml = new String(DeviceCatalog.class.getClassLoader()
                .getResourceAsStream("dynlat/profiles/v100.yaml").readAllBytes())
                .replace("  clock_mhz: 1500\n", "").replace("issue_depth", "issue_dept");
        Files.writeString(incomplete, yaml);
        r = run("predict", "--model", "resnet50", "--device", incomplete.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("laudnet.clock_mhz: missing required key 'clock_mhz'"), r.err());
        assertTrue(r.err().contains("laudnet.issue_dept: unknown key 'issue_dept'"), r.err());
    }

    @Test
    void configFileProblemsNameFileAndLine() throws IOException {
        Path cfg = tmp.resolve("dyn.yaml");
        Files.writeString(cfg, "mode: spatial\nstages:\n  - granularity: 4\n    rates: [0.5, 0.5]\n"
                + "  - granularity: 4\n    rate: 0.5\n  - granularity: 2\n    rate: 1.2\n  - static: true\n");
        Result r = run("predict", "--model", "resnet50", "--device", "v100", "--config", cfg.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(cfg + ":4 stages[0].rates: stage layer1 has 3 blocks, got 2 rates"), r.err());
        assertTrue(r.err().contains(cfg + ":8 stages[2].rate: value 1.2 is out of range [0, 1]"), r.err());
    }

    @Test
    void scheduleFileChangesTheChannelMaskerAndIsReported() throws IOException {
        Path sched = tmp.resolve("sched.yaml");
        Files.writeString(sched, "channel_masker_layers: 1\nmasker_fusion: separate\n");
        String[] base = {"predict", "--model", "resnet50", "--device", "tx2", "--mode", "channel", "--channel-group",
            "2", "--rate", "0.5", "--format", "json"};
        Result two = run(base);
        String[] withSchedule = java.util.Arrays.copyOf(base, base.length + 2);
        withSchedule[base.length] = "--schedule";
        withSchedule[base.length + 1] = sched.toString();
        Result one = run(withSchedule);
        assertEquals(0, one.code(), one.err());
        JsonNode j1 = new ObjectMapper().readTree(one.out());
        JsonNode j2 = new ObjectMapper().readTree(two.out());
        assertEquals(1, j1.get("schedule").get("channel_masker_layers").asInt());
        assertEquals("separate", j1.get("schedule").get("masker_fusion").asText());
        double m1 = j1.get("stages").get(1).get("roles_ms").get("masker").asDouble();
        double m2 = j2.get("stages").get(1).get("roles_ms").get("masker").asDouble();
        assertTrue(m1 != m2, "a 1-layer masker costs differently from a 2-layer one: " + m1 + " vs " + m2);

        Files.writeString(sched, "channel_masker_layers: 3\n");
        Result bad = run(withSchedule);
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains(sched + ":1 channel_masker_layers: value 3 is out of range [1, 2]"), bad.err());
    }

    @Test
    void devicesListsAndShows() {
        Result list = run("devices");
        assertEquals(0, list.code());
        for (String d : new String[] {"v100", "rtx3090", "rtx3060", "tx2", "nano", "a100", "h100"}) {
            assertTrue(list.out().contains("| " + d + " "), d);
        }
        Result show = run("devices", "show", "rtx3090");
        assertEquals(0, show.code());
        assertTrue(show.out().contains("clock                  1250 MHz"), show.out());
        assertTrue(show.out().contains("on-chip bandwidth      936.0 GB/s (1 x DRAM)"), show.out());
        assertEquals(2, run("devices", "show", "nope").code());
    }
}
