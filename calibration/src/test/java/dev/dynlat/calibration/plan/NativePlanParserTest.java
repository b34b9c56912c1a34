package dev.dynlat.calibration.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dynlat.calibration.kernel.KernelSpec;
import dev.dynlat.calibration.protocol.ProtocolSettings;
import dev.dynlat.calibration.suite.CalibrationSuite;
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
        for (int i = 0; i < suite.operators().size(); i++) {
            assertEquals(suite.operators().get(i).kernel(), plan.cases().get(i).shape().kernel());
        }
        assertParsedAsJavaDescribesIt(plan, tmp.resolve("plan.txt"));
    }

    /** The cuda plan's batch-scaled cases (repeated masks: lines of tens of thousands of indices) as well. */
    @Test
    void theCParserReadsTheSizedCudaPlan(@TempDir Path tmp) throws Exception {
        assumeTrue(Files.isExecutable(CHECKER), "dynlat_plan_check not built at " + CHECKER.toAbsolutePath());
        CalibrationPlan plan = CalibrationPlan.of(CalibrationSuite.full(), new ProtocolSettings(5, 15, 3, 0.1), 5, 42,
                PlanSizing.H100);
        assertParsedAsJavaDescribesIt(plan, tmp.resolve("plan.txt"));
    }

    private static void assertParsedAsJavaDescribesIt(CalibrationPlan plan, Path path) throws Exception {
        Path file = Files.writeString(path, PlanFormat.write(plan, "native"));
        Process p = new ProcessBuilder(CHECKER.toString(), file.toString(), "--dump").redirectErrorStream(true).start();
        List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        p.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), String.join("\n", lines));
        List<String> expected = new ArrayList<>();
        for (PlanCase c : plan.cases()) {
            KernelSpec k = c.shape().kernel();
            expected.add(String.format(Locale.ROOT, "%s %s %d dims=%s a=%d/%d b=%d/%d", c.id(),
                    PlanKind.of(k.kind()).planName(), k.kind().code(),
                    String.join(",", IntStream.of(k.nativeDims()).mapToObj(Integer::toString).toList()),
                    k.nativeListA().length, IntStream.of(k.nativeListA()).asLongStream().sum(), k.nativeListB().length,
                    IntStream.of(k.nativeListB()).asLongStream().sum()));
        }
        expected.add("plan: " + plan.cases().size() + " cases of " + PlanKind.values().length
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

    /** Lists in any order are accepted; a repeated index is refused whether the list is sorted or not. */
    @Test
    void theCParserRefusesARepeatedPatchInAnyOrder(@TempDir Path tmp) throws Exception {
        assumeTrue(Files.isExecutable(CHECKER), "dynlat_plan_check not built");
        String head = "dynlat-plan 1\nprotocol warmup=1 timed=3 attempts=1 max_spread=0.1 rounds=1 seed=1\n"
                + PlanFormat.kindLine(PlanKind.GATHER) + "\n"
                + "case g gather gather n=1 c=2 h=4 w=4 s=2 halo=1 active_count=3\nlist g active ";
        for (String[] listAndExit : new String[][] {{"3,0,2", "0"}, {"0,2,3", "0"}, {"2,0,2", "2"}, {"0,2,2", "2"}}) {
            Path file = Files.writeString(tmp.resolve("p" + listAndExit[0].replace(",", "") + ".txt"),
                    head + listAndExit[0] + "\nend 1\n");
            Process p = new ProcessBuilder(CHECKER.toString(), file.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(60, TimeUnit.SECONDS);
            assertEquals(Integer.parseInt(listAndExit[1]), p.exitValue(), listAndExit[0] + ": " + out);
            if (p.exitValue() != 0) {
                assertEquals(true, out.contains("invalid activePatches: 2"), out);
            }
        }
    }
}
