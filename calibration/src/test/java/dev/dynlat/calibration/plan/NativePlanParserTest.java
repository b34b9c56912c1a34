package dev.dynlat.calibration.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dynlat.calibration.kernel.KernelSpec;
import dev.dynlat.calibration.protocol.ProtocolSettings;
import dev.dynlat.calibration.suite.CalibrationSuite;
import dev.dynlat.calibration.suite.OperatorCase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone benchmark's C parser (bench/plan.c, through dynlat_plan_check from Maven's native
 * build) reads the plan Java writes into the very native descriptions the JNI backends get: kind code,
 * dims and index lists of every suite case.
 */
class NativePlanParserTest {
    private static final Path CHECKER = Path.of("target", "native-build", "dynlat_plan_check");

    @Test
    void theCParserReadsEveryCaseAsTheJniBackendsDescribeIt(@TempDir Path tmp) throws Exception {
        assumeTrue(Files.isExecutable(CHECKER), "dynlat_plan_check not built at " + CHECKER.toAbsolutePath());
        CalibrationSuite suite = CalibrationSuite.full();
        CalibrationPlan plan = CalibrationPlan.of(suite, new ProtocolSettings(5, 15, 3, 0.1), 5, 42);
        Path file = Files.writeString(tmp.resolve("plan.txt"), PlanFormat.write(plan, "native"));
        Process p = new ProcessBuilder(CHECKER.toString(), file.toString(), "--dump").redirectErrorStream(true).start();
        List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        p.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), String.join("\n", lines));
        List<String> expected = new ArrayList<>();
        for (OperatorCase c : suite.operators()) {
            KernelSpec k = c.kernel();
            expected.add(String.format(Locale.ROOT, "%s %s %d dims=%s a=%d/%d b=%d/%d", PlanCase.idOf(c.key()),
                    PlanKind.of(k.kind()).planName(), k.kind().code(),
                    String.join(",", IntStream.of(k.nativeDims()).mapToObj(Integer::toString).toList()),
                    k.nativeListA().length, IntStream.of(k.nativeListA()).asLongStream().sum(), k.nativeListB().length,
                    IntStream.of(k.nativeListB()).asLongStream().sum()));
        }
        expected.add("plan: " + suite.operators().size() + " cases of " + PlanKind.values().length
                + " declared kinds; protocol warmup=5 timed=15 attempts=3 max_spread=0.1 rounds=5 seed=42");
        assertEquals(expected, lines);
    }

    @Test
    void theCParserNamesTheLineOfABadCase(@TempDir Path tmp) throws Exception {
        assumeTrue(Files.isExecutable(CHECKER), "dynlat_plan_check not built");
        String text = PlanFormat.write(CalibrationPlan.of(CalibrationSuite.quick(), ProtocolSettings.quick(), 1, 42),
                "bad");
        List<String> lines = new ArrayList<>(text.lines().toList());
        int i = IntStream.range(0, lines.size()).filter(j -> lines.get(j).startsWith("case ")).findFirst().orElseThrow();
        lines.set(i, lines.get(i).replace(" cin=", " cin=-"));
        Path file = Files.write(tmp.resolve("plan.txt"), lines);
        Process p = new ProcessBuilder(CHECKER.toString(), file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        assertEquals(2, p.exitValue(), out);
        assertEquals(1, out.lines().count(), out);
        assertEquals(true, out.startsWith("plan: " + file + ":" + (i + 1) + ": case "), out);
    }
}
