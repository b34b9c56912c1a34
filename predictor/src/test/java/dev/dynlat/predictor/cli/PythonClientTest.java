package dev.dynlat.predictor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the Python client's unittest suite ({@code python/tests}) inside the Maven build, against
 * this module's own classes: the engine starts as {@code java -cp <this test's class path>} (the
 * client's {@code DYNLAT_CLASSPATH}), with the java of this JVM, so it needs neither the
 * {@code ./dynlat} launcher nor a packaged build, and tests what was just compiled. Skipped, with
 * the reason, where {@code python3} is not installed.
 */
class PythonClientTest {
    @TempDir
    Path tmp;

    @Test
    void pythonClientTestsPass() throws IOException, InterruptedException {
        Assumptions.assumeTrue(python3Works(), "python3 is not installed: the Python client tests are skipped");
        Path python = Path.of(System.getProperty("user.dir")).resolve("../python").normalize();
        assertTrue(Files.isDirectory(python.resolve("tests")), "no Python tests at " + python);
        // Surefire may run tests from a manifest-only jar; its full class path is in this property.
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = tmp.resolve("unittest.log");
        ProcessBuilder pb = new ProcessBuilder("python3", "-m", "unittest", "discover", "-s",
                python.resolve("tests").toString(), "-v")
                .directory(tmp.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("PYTHONPATH", python.resolve("src").toString());
        pb.environment().put("DYNLAT_CLASSPATH", classpath);
        pb.environment().put("DYNLAT_JAVA", java);
        pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(600, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "python3 -m unittest failed:\n" + out);
        assertTrue(out.contains("OK"), out);
    }

    private static boolean python3Works() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
