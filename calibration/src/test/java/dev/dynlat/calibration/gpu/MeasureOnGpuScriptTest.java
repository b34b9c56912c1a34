package dev.dynlat.calibration.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dynlat.calibration.backend.CudaBackend;
import dev.dynlat.calibration.plan.CalibrationPlan;
import dev.dynlat.calibration.plan.PlanFormat;
import dev.dynlat.calibration.protocol.ProtocolSettings;
import dev.dynlat.calibration.suite.CalibrationSuite;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The device script on this machine without a GPU and with {@code java} and {@code mvn} off the PATH
 * (a temporary bin folder of links to every other tool on the PATH): it builds what it can, then stops
 * at the device check with one line and exit code 3. Passes with and without nvcc: with nvcc, Maven's
 * native build holds dynlat_bench (the same CMake target the script builds) and the script uses it.
 */
class MeasureOnGpuScriptTest {
    private static final Path SCRIPT = Path.of("..", "src", "gpu", "measure-on-gpu.sh");
    /** Maven's CMake build of src/main/native (pom.xml: dynlat.native.build). */
    private static final Path MAVEN_NATIVE_BUILD = Path.of("target", "native-build");
    /** The JDK's and Maven's tools: none may be reachable from the script. */
    private static final Set<String> JVM_TOOLS = Set.of("java", "javac", "jar", "jshell", "javadoc", "javap", "jdeps",
            "jlink", "jpackage", "keytool", "mvn", "mvnDebug", "mvnw");

    @Test
    void dryRunStopsAtTheDeviceCheckWithOneLineAndExitCodeThree(@TempDir Path tmp) throws Exception {
        assumeFalse(new CudaBackend().available(), "a CUDA device is present: the script would measure it");
        assumeTrue(Files.isRegularFile(SCRIPT), "script not found from " + Path.of("").toAbsolutePath());
        Path plan = writePlan(tmp);
        Path out = tmp.resolve("gpu-out");
        Result r = run(tmp, Map.of("DYNLAT_GPU_SKIP_BUILD", "1",
                "DYNLAT_GPU_BUILD_DIR", MAVEN_NATIVE_BUILD.toAbsolutePath().toString()), plan.toString(), out.toString());
        assertEquals(3, r.code, r.output);
        List<String> summary = Files.readAllLines(out.resolve("summary.txt"), StandardCharsets.UTF_8);
        String device = summary.get(summary.size() - 1);
        assertTrue(device.startsWith("[4/8] device: gpu: no CUDA device") && device.endsWith("nothing was measured"),
                device);
        assertEquals(1, r.output.lines().filter(l -> l.startsWith("[4/8]")).count(), r.output);
        assertTrue(r.output.strip().endsWith(device), "the device line is the last thing printed:\n" + r.output);
        boolean bench = Files.isExecutable(MAVEN_NATIVE_BUILD.resolve("dynlat_bench"));
        String versions = summary.stream().filter(l -> l.startsWith("[2/8] versions: CUDA")).findFirst().orElseThrow();
        assertEquals(bench, versions.contains("(dynlat_bench)"), versions);
        // the plan was read by the benchmark's own parser, on this machine
        String planLine = summary.stream().filter(l -> l.startsWith("[3/8] plan: ") && !l.endsWith("started")).findFirst().orElseThrow();
        assertTrue(planLine.startsWith("[3/8] plan: " + CalibrationSuite.quick().operators().size() + " cases"),
                planLine);
        assertFalse(Files.exists(out.resolve("raw-samples.csv")), "nothing measured without a device");
    }

    @Test
    void buildsThePlanCheckerWithCmakeAloneWithoutJavaOrMaven(@TempDir Path tmp) throws Exception {
        assumeFalse(new CudaBackend().available(), "a CUDA device is present: the script would measure it");
        assumeTrue(Files.isRegularFile(SCRIPT), "script not found");
        assumeTrue(onPath("cmake"), "no cmake here");
        Path plan = writePlan(tmp);
        Path build = tmp.resolve("build");
        Result r = run(tmp, Map.of("DYNLAT_GPU_NO_NVCC", "1", "DYNLAT_GPU_BUILD_DIR", build.toString()),
                plan.toString(), tmp.resolve("out").toString());
        assertEquals(3, r.code, r.output);
        assertTrue(r.output.contains("[1/8] build: no nvcc here: dynlat_plan_check built"), r.output);
        assertTrue(Files.isExecutable(build.resolve("dynlat_plan_check")), r.output);
        String log = Files.readString(tmp.resolve("out").resolve("build.log"));
        assertFalse(log.contains("jni.h"), "the standalone build must not look for JNI headers:\n" + log);
    }

    @Test
    void aPlanThatIsNotAPlanIsExitTwo(@TempDir Path tmp) throws Exception {
        assumeTrue(Files.isRegularFile(SCRIPT), "script not found");
        assumeTrue(Files.isExecutable(MAVEN_NATIVE_BUILD.resolve("dynlat_plan_check")), "no plan checker built");
        Path plan = Files.writeString(tmp.resolve("plan.txt"), "dynlat-plan 1\nprotocol warmup=1\nend 0\n");
        Result r = run(tmp, Map.of("DYNLAT_GPU_SKIP_BUILD", "1",
                "DYNLAT_GPU_BUILD_DIR", MAVEN_NATIVE_BUILD.toAbsolutePath().toString()), plan.toString(),
                tmp.resolve("out").toString());
        assertEquals(2, r.code, r.output);
        assertTrue(r.output.contains("plan.txt:2: protocol: needs warmup, timed"), r.output);
    }

    @Test
    void usageErrorsAreOneLineAndExitTwo(@TempDir Path tmp) throws Exception {
        assumeTrue(Files.isRegularFile(SCRIPT), "script not found");
        Path file = Files.writeString(tmp.resolve("file"), "keep");
        Path plan = writePlan(tmp);
        for (String[] args : new String[][] {{plan.toString(), file.toString()}, {tmp.resolve("none").toString(),
                tmp.resolve("o").toString()}, {plan.toString()}}) {
            Result r = run(tmp, Map.of(), args);
            assertEquals(2, r.code, r.output);
            assertEquals(1, r.output.lines().count(), r.output);
        }
        assertEquals("keep", Files.readString(file));
    }

    static Path writePlan(Path dir) throws IOException {
        // the plan `calibrate --backend cuda --quick --plan` writes: batch-scaled for an H100
        CalibrationPlan plan = CalibrationPlan.of(CalibrationSuite.quick(), ProtocolSettings.quick(), 1,
                CudaBackend.TIMING_SEED, dev.dynlat.calibration.plan.PlanSizing.H100);
        return Files.writeString(dir.resolve("plan.txt"), PlanFormat.write(plan, "test plan"));
    }

    private record Result(int code, String output) {
    }

    private static Result run(Path tmp, Map<String, String> env, String... args) throws Exception {
        Path bin = noJvmBin(tmp.resolve("bin"));
        ProcessBuilder pb = new ProcessBuilder(bin.resolve("bash").toString(), SCRIPT.toString());
        pb.command().addAll(List.of(args));
        pb.redirectErrorStream(true);
        pb.environment().remove("JAVA_HOME");
        pb.environment().remove("MAVEN_HOME");
        pb.environment().put("PATH", bin.toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "script did not finish");
        return new Result(p.exitValue(), output);
    }

    /** Links to every executable on this PATH except the JDK's and Maven's tools and anything inside java.home. */
    static Path noJvmBin(Path bin) throws IOException {
        if (Files.isDirectory(bin)) {
            return bin;
        }
        Files.createDirectories(bin);
        Path javaHome = Path.of(System.getProperty("java.home")).toRealPath();
        for (String dir : System.getenv("PATH").split(File.pathSeparator)) {
            Path d = Path.of(dir);
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (var files = Files.list(d)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    String name = f.getFileName().toString();
                    Path link = bin.resolve(name);
                    if (JVM_TOOLS.contains(name) || Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                            || !Files.isExecutable(f) || Files.isDirectory(f)) {
                        continue;
                    }
                    Path real;
                    try {
                        real = f.toRealPath();
                    } catch (IOException e) {
                        continue; // a dangling link
                    }
                    if (!real.startsWith(javaHome) && !real.toString().contains("maven")) {
                        Files.createSymbolicLink(link, f.toAbsolutePath());
                    }
                }
            }
        }
        return bin;
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
