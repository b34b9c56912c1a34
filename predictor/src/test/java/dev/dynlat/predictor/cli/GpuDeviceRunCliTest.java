package dev.dynlat.predictor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.calibration.plan.CalibrationPlan;
import dev.dynlat.calibration.plan.PlanFormat;
import dev.dynlat.calibration.suite.CalibrationSuite;
import dev.dynlat.operators.profile.DeviceCatalog;
import dev.dynlat.operators.profile.DeviceProfile;
import dev.dynlat.predictor.dynamic.Dynamics;
import dev.dynlat.predictor.engine.Predictor;
import dev.dynlat.predictor.engine.Workload;
import dev.dynlat.predictor.schedule.Schedule;
import dev.dynlat.predictor.workload.NetworkZoo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JVM ends of a GPU device run: {@code calibrate --plan} and {@code validate --gpu-networks}. */
class GpuDeviceRunCliTest {
    @TempDir
    Path tmp;

    private static String[] run(String... args) {
        CliTest.Result r = CliTest.run(args);
        return new String[] {Integer.toString(r.code()), r.err(), r.out()};
    }

    private static void assertOneLineError(String[] r, String fragment) {
        assertEquals("2", r[0], r[1]);
        assertEquals(1, r[1].strip().lines().count(), r[1]);
        assertTrue(r[1].contains(fragment), r[1]);
    }

    @Test
    void planIsTheQuickOrFullSuiteAsText() throws IOException {
        Path dir = tmp.resolve("plan");
        String[] r = run("calibrate", "--backend", "cuda", "--quick", "--plan", dir.toString());
        assertEquals("0", r[0], r[1]);
        CalibrationPlan plan = PlanFormat.parse(Files.readAllLines(dir.resolve("plan.txt")), "plan.txt");
        assertEquals(CalibrationSuite.quick().operators().size(), plan.cases().size());
        assertEquals(1, plan.rounds());
        assertEquals(3, plan.settings().warmupRuns());
        String[] full = run("calibrate", "--backend", "cuda", "--runs", "9", "--plan", tmp.resolve("full").toString());
        assertEquals("0", full[0], full[1]);
        CalibrationPlan f = PlanFormat.parse(Files.readAllLines(tmp.resolve("full/plan.txt")), "plan.txt");
        assertEquals(CalibrationSuite.full().operators().size(), f.cases().size());
        assertEquals(9, f.settings().timedRuns());
        assertEquals(5, f.rounds());
        // the cases are the suite's with the batch scaled for an H100 (PlanSizing), not the CPU-sized suite
        assertEquals(CalibrationPlan.of(CalibrationSuite.full(), f.settings(), 5,
                dev.dynlat.calibration.backend.CudaBackend.TIMING_SEED,
                dev.dynlat.calibration.plan.PlanSizing.H100).cases(), f.cases());
        assertTrue(f.cases().stream().allMatch(c -> c.id().matches(".*_x[0-9]+")), "ids carry the factor");
    }

    @Test
    void badPlanDirectoriesAndOptionsAreOneLineExitTwo() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "keep");
        assertOneLineError(run("calibrate", "--backend", "cuda", "--plan", file.toString()), "--plan: cannot write");
        assertEquals("keep", Files.readString(file));
        assertOneLineError(run("calibrate", "--backend", "cuda", "--plan", file.resolve("sub").toString()),
                "--plan: cannot write");
        assertOneLineError(run("calibrate", "--backend", "cpu", "--plan", tmp.resolve("p").toString()),
                "--plan: the plan is for the standalone CUDA benchmark");
        assertOneLineError(run("calibrate", "--backend", "cuda", "--plan", tmp.resolve("p").toString(), "--out",
                tmp.resolve("x.yaml").toString()), "--plan: writes only the plan");
        assertOneLineError(run("calibrate", "--backend", "cuda"), "missing required options --out and --report");
        assertFalse(Files.exists(tmp.resolve("p")), "nothing written");
    }

    @Test
    void gpuNetworksAreComparedWithPredict() throws IOException {
        Path csv = Files.write(tmp.resolve("networks.csv"), List.of(
                "device,model,batch,mode,median_ms,p10_ms,p90_ms,repeats,torch,cudnn,tf32",
                "Tesla V100-PCIE-32GB,resnet50,1,eager,5.5,5.4,5.7,30,2.1.0,8902,off",
                "Tesla V100-PCIE-32GB,resnet50,128,cuda-graph,210.0,209.0,212.0,5,2.1.0,8902,off"));
        Path md = tmp.resolve("gpu-networks.md");
        String[] r = run("validate", "--gpu-networks", csv.toString(), "--device", "v100", "--out", md.toString());
        assertEquals("0", r[0], r[1]);
        String text = Files.readString(md);
        DeviceProfile v100 = DeviceCatalog.load("v100");
        for (int batch : new int[] {1, 128}) {
            double predicted = new Predictor(v100, Predictor.defaultVariant(v100), Schedule.defaults().withBatch(batch))
                    .predict(new Workload(NetworkZoo.get("resnet50"), Dynamics.NONE)).latencyMs();
            double measured = batch == 1 ? 5.5 : 210.0;
            String row = String.format(Locale.ROOT, "\\|\\s+%d \\|.*\\|\\s+%.3f \\|\\s+%.1f \\|", batch, predicted,
                    100 * (predicted - measured) / measured);
            assertTrue(java.util.regex.Pattern.compile(row).matcher(text).find(), row + " not in\n" + text);
        }
        assertTrue(java.util.regex.Pattern.compile("\\| resnet50 \\|\\s+128 \\| cuda-graph \\|\\s+210\\.000 \\|")
                .matcher(text).find(), text);
        assertTrue(text.contains("Measured on Tesla V100-PCIE-32GB"), text);
    }

    @Test
    void badNetworkFilesAreOneLineExitTwoAndWriteNothing() throws IOException {
        Path md = tmp.resolve("out.md");
        Path unknown = Files.write(tmp.resolve("n.csv"), List.of("device,model,batch,mode,median_ms,p10_ms,p90_ms,repeats",
                "X,resnet51,1,eager,1,1,1,5"));
        assertOneLineError(run("validate", "--gpu-networks", unknown.toString(), "--device", "v100", "--out",
                md.toString()), "n.csv:2: model: 'resnet51' is not in the zoo");
        Path header = Files.write(tmp.resolve("h.csv"), List.of("OPName,Latency"));
        assertOneLineError(run("validate", "--gpu-networks", header.toString(), "--device", "v100", "--out",
                md.toString()), "h.csv:1: header 'OPName,Latency'");
        assertOneLineError(run("validate", "--gpu-networks", unknown.toString(), "--device", "v100"),
                "out: give the Markdown file");
        assertOneLineError(run("validate", "--gpu-networks", unknown.toString(), "--device", "v100", "--backend", "cpu",
                "--out", md.toString()), "gpu-networks: runs nothing");
        assertFalse(Files.exists(md));
    }
}
