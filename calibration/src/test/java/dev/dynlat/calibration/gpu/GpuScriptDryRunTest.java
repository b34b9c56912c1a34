package dev.dynlat.calibration.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dynlat.calibration.backend.CudaBackend;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GPU window script on a machine without a GPU: it reports the versions, then stops at the device
 * check with one line and exit code 3, leaving the summary of what it did. The build and the
 * device-free tests are skipped here (Maven just built and runs them); the script's header shows a
 * full dry run.
 */
class GpuScriptDryRunTest {
    private static final Path SCRIPT = Path.of("..", "src", "gpu", "calibrate-on-gpu.sh");

    @Test
    void stopsAtTheDeviceCheckWithExitCodeThree(@TempDir Path tmp) throws IOException, InterruptedException {
        assumeFalse(new CudaBackend().available(), "a CUDA device is present: the script would calibrate it");
        assumeTrue(Files.isRegularFile(SCRIPT), "script not found from " + Path.of("").toAbsolutePath());
        Path out = tmp.resolve("gpu-out");
        Result r = run(out);
        assertEquals(3, r.code, r.output);
        List<String> summary = Files.readAllLines(out.resolve("summary.txt"), StandardCharsets.UTF_8);
        assertEquals(4, summary.size(), String.join("\n", summary));
        assertTrue(summary.get(0).startsWith("[1/8] versions: CUDA driver "), summary.get(0));
        String device = summary.get(3);
        assertTrue(device.startsWith("[4/8] device: gpu: ") && device.endsWith("nothing was measured"), device);
        assertTrue(Files.notExists(out.resolve("profile.yaml")), "no profile without a device");
        assertTrue(Files.notExists(out.resolve("report")), "no report without a device");
    }

    @Test
    void outDirThatIsAFileIsAUsageError(@TempDir Path tmp) throws IOException, InterruptedException {
        assumeTrue(Files.isRegularFile(SCRIPT), "script not found");
        Path file = Files.writeString(tmp.resolve("file"), "keep");
        Result r = run(file);
        assertEquals(2, r.code, r.output);
        assertEquals("keep", Files.readString(file));
        assertEquals(1, r.output.lines().count(), r.output);
    }

    private record Result(int code, String output) {
    }

    private static Result run(Path out) throws IOException, InterruptedException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder pb = new ProcessBuilder("bash", SCRIPT.toString(), out.toString()).redirectErrorStream(true);
        pb.environment().put("DYNLAT_GPU_SKIP_BUILD", "1");
        pb.environment().put("DYNLAT_GPU_SKIP_CPU_TESTS", "1");
        pb.environment().put("DYNLAT_GPU_CLASSPATH", cp);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "script did not finish");
        return new Result(p.exitValue(), output);
    }
}
