package dev.dynlat.calibration.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dynlat.calibration.backend.CudaBackend;
import dev.dynlat.calibration.plan.CalibrationPlan;
import dev.dynlat.calibration.plan.PlanFormat;
import dev.dynlat.calibration.plan.PlanSizing;
import dev.dynlat.calibration.protocol.ProtocolSettings;
import dev.dynlat.calibration.run.CalibrationRun;
import dev.dynlat.calibration.suite.CalibrationSuite;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator step of the device run (src/gpu/time_operators.py) without torch: its Python tests
 * (src/test/python/test_time_operators.py) on the full cuda plan, held to the budget the device script
 * gives the step (read from measure-on-gpu.sh). Skipped when there is no python3 here.
 */
class TorchOperatorsScriptTest {
    private static final Path SCRIPTS = Path.of("..", "src", "gpu");
    private static final Path TESTS = Path.of("src", "test", "python");
    private static final Path HEADERS = Path.of("src", "test", "resources", "gpu", "neusight-headers.txt");

    @Test
    void pythonTestsOfTheTorchOperatorStepPass(@TempDir Path tmp) throws Exception {
        assumeTrue(onPath("python3"), "no python3 here: the operator step's tests are skipped");
        CalibrationPlan plan = CalibrationPlan.of(CalibrationSuite.full(), ProtocolSettings.full(),
                CalibrationRun.FULL_ROUNDS, CudaBackend.TIMING_SEED, PlanSizing.H100);
        Path planFile = Files.writeString(tmp.resolve("plan.txt"), PlanFormat.write(plan, "torch operators test"));
        String script = Files.readString(SCRIPTS.resolve("measure-on-gpu.sh"));
        String step = script.substring(script.indexOf("# 7. operators"));
        int budget = Integer.parseInt(group(step, "b=\\$\\(budget (\\d+)\\)"));
        int margin = Integer.parseInt(group(step, "\\$\\(\\( b - (\\d+) \\)\\)"));

        ProcessBuilder pb = new ProcessBuilder("python3", "-B", "-m", "unittest", "-v", "test_time_operators")
                .directory(TESTS.toFile()).redirectErrorStream(true);
        pb.environment().put("DYNLAT_GPU_SCRIPTS", SCRIPTS.toAbsolutePath().toString());
        pb.environment().put("DYNLAT_PLAN", planFile.toString());
        pb.environment().put("DYNLAT_DEADLINE_S", Integer.toString(budget - margin));
        pb.environment().put("DYNLAT_HEADERS", HEADERS.toAbsolutePath().toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "python tests did not finish");
        assertEquals(0, p.exitValue(), out);
        Matcher ran = Pattern.compile("Ran (\\d+) tests").matcher(out);
        assertTrue(ran.find() && Integer.parseInt(ran.group(1)) >= 10, out);
    }

    /** The script's own estimate mode runs without torch and names every operator. */
    @Test
    void theEstimateModeNeedsNoTorch(@TempDir Path tmp) throws Exception {
        assumeTrue(onPath("python3"), "no python3 here");
        CalibrationPlan plan = CalibrationPlan.of(CalibrationSuite.quick(), ProtocolSettings.quick(), 1,
                CudaBackend.TIMING_SEED, PlanSizing.H100);
        Path planFile = Files.writeString(tmp.resolve("plan.txt"), PlanFormat.write(plan, "estimate"));
        Process p = new ProcessBuilder("python3", "-B", SCRIPTS.resolve("time_operators.py").toString(), "--estimate",
                planFile.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.startsWith("operators: ") && out.contains("bmm") && out.contains("powu")
                && out.contains("s on an H100"), out);
    }

    private static String group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "no match for " + regex);
        return m.group(1);
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv("PATH").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
