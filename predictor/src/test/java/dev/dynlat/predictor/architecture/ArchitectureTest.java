package dev.dynlat.predictor.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enforces design.md's architecture on every module's main sources: no reference against the
 * module order and no package cycle. The other tests run the same check on small trees written
 * here, to show that each kind of violation is caught and named by file:line.
 */
class ArchitectureTest {
    @TempDir
    Path tmp;

    @Test
    void everyModuleKeepsTheDesign() {
        Path root = repositoryRoot();
        List<JavaSource> sources = ArchitectureCheck.scan(root);
        assertTrue(sources.size() > 300, "scanned only " + sources.size() + " sources under " + root);
        assertTrue(sources.stream().map(JavaSource::module).distinct().count() >= 4, "modules missing in the scan");
        List<String> violations = ArchitectureCheck.check(root, ModuleRules.design());
        assertTrue(violations.isEmpty(), violations.size() + " architecture violation(s):\n"
                + String.join("\n", violations));
    }

    @Test
    void aBackwardImportAddedToTheRealTreeIsCaught() throws IOException {
        Path root = repositoryRoot();
        for (String module : List.of("operators", "reports", "calibration", "predictor")) {
            copyTree(root.resolve(module).resolve("src/main/java"), tmp.resolve(module).resolve("src/main/java"));
        }
        Path victim = tmp.resolve("operators/src/main/java/dev/dynlat/operators/cost/CostModels.java");
        List<String> lines = new ArrayList<>(Files.readAllLines(victim));
        lines.add(1, "import dev.dynlat.predictor.engine.Predictor;");
        Files.write(victim, lines);

        List<String> violations = ArchitectureCheck.check(tmp, ModuleRules.design());

        // Predictor already uses operators.cost, so the backward import is also a package cycle.
        assertEquals(2, violations.size(), String.join("\n", violations));
        assertEquals("operators/src/main/java/dev/dynlat/operators/cost/CostModels.java:2: operators must "
                + "not depend on predictor (dev.dynlat.predictor.engine.Predictor)", violations.get(0));
        assertTrue(violations.get(1).startsWith("package cycle dev.dynlat.operators.cost -> dev.dynlat.predictor.engine"
                + " -> dev.dynlat.operators.cost\n    operators/src/main/java/dev/dynlat/operators/cost/CostModels.java:2: "),
                violations.get(1));
    }

    @Test
    void importsStaticImportsAndQualifiedNamesCountButCommentsAndStringsDoNot() throws IOException {
        write("operators", "dev.dynlat.operators.spec", "A", """
                import static dev.dynlat.calibration.fit.Fits.best;
                /** See {@link dev.dynlat.predictor.engine.Predictor}. */
                class A {
                    // dev.dynlat.predictor.engine.Predictor is named in a comment only
                    String s = "dev.dynlat.reports.io.OutputSet";
                    Object o = new dev.dynlat.reports.io.OutputSet();
                }
                """);

        List<String> violations = ArchitectureCheck.check(tmp, ModuleRules.design());

        assertEquals(List.of(
                "operators/src/main/java/dev/dynlat/operators/spec/A.java:3: operators must not depend on calibration "
                        + "(dev.dynlat.calibration.fit.Fits.best)",
                "operators/src/main/java/dev/dynlat/operators/spec/A.java:8: operators must not depend on reports "
                        + "(dev.dynlat.reports.io.OutputSet)"), violations);
    }

    @Test
    void aPackageCycleIsReportedWithOneLocationPerEdge() throws IOException {
        write("calibration", "dev.dynlat.calibration.suite", "Run", """
                import dev.dynlat.calibration.report.Report;
                class Run {
                }
                """);
        write("calibration", "dev.dynlat.calibration.report", "Report", """
                import java.util.List;

                import dev.dynlat.calibration.suite.Run;
                class Report {
                }
                """);
        write("calibration", "dev.dynlat.calibration.fit", "Fit", """
                import dev.dynlat.calibration.suite.Run;
                class Fit {
                }
                """);

        List<String> violations = ArchitectureCheck.check(tmp, ModuleRules.design());

        assertEquals(List.of("package cycle dev.dynlat.calibration.report -> dev.dynlat.calibration.suite -> "
                + "dev.dynlat.calibration.report"
                + "\n    calibration/src/main/java/dev/dynlat/calibration/report/Report.java:5: "
                + "dev.dynlat.calibration.report -> dev.dynlat.calibration.suite"
                + "\n    calibration/src/main/java/dev/dynlat/calibration/suite/Run.java:3: "
                + "dev.dynlat.calibration.suite -> dev.dynlat.calibration.report"), violations);
    }

    @Test
    void aThreePackageCycleNamesEveryEdge() throws IOException {
        write("predictor", "dev.dynlat.predictor.a", "A", "class A { dev.dynlat.predictor.b.B b; }\n");
        write("predictor", "dev.dynlat.predictor.b", "B", "class B { dev.dynlat.predictor.c.C c; }\n");
        write("predictor", "dev.dynlat.predictor.c", "C", "class C { dev.dynlat.predictor.a.A a; }\n");

        List<String> violations = ArchitectureCheck.check(tmp, ModuleRules.design());

        assertEquals(1, violations.size(), String.join("\n", violations));
        assertTrue(violations.get(0).startsWith("package cycle dev.dynlat.predictor.a -> dev.dynlat.predictor.b -> "
                + "dev.dynlat.predictor.c -> dev.dynlat.predictor.a"), violations.get(0));
        assertEquals(4, violations.get(0).lines().count(), violations.get(0));
    }

    @Test
    void nothingMayDependOnPredictorAndReportsKnowsNoNetworks() throws IOException {
        write("calibration", "dev.dynlat.calibration.suite", "S", "import dev.dynlat.predictor.workload.Network;\n");
        write("reports", "dev.dynlat.reports.chart", "C", """
                import dev.dynlat.operators.profile.DeviceProfile;
                import dev.dynlat.operators.graph.OperatorGraph;
                """);
        write("operators", "dev.dynlat.operators.graph", "OperatorGraph", "class OperatorGraph {}\n");

        List<String> violations = ArchitectureCheck.check(tmp, ModuleRules.design());

        assertEquals(List.of(
                "calibration/src/main/java/dev/dynlat/calibration/suite/S.java:3: calibration must not depend on "
                        + "predictor (dev.dynlat.predictor.workload.Network)",
                "reports/src/main/java/dev/dynlat/reports/chart/C.java:4: reports must not know "
                        + "dev.dynlat.operators.graph (dev.dynlat.operators.graph.OperatorGraph)"), violations);
    }

    @Test
    void resourceOnlyAndUnknownModulesHoldNoJava() throws IOException {
        write("hardware-profiles", "dev.dynlat.profiles", "P", "class P {}\n");
        write("extras", "dev.dynlat.extras", "E", "class E {}\n");

        List<String> violations = ArchitectureCheck.check(tmp, ModuleRules.design());

        assertEquals(List.of("extras/src/main/java/dev/dynlat/extras/E.java:1: module extras is not in the design's "
                        + "module order",
                "hardware-profiles/src/main/java/dev/dynlat/profiles/P.java:1: module hardware-profiles holds "
                        + "resources only, no Java sources"), violations);
    }

    /** Writes {@code package pkg;}, a blank line, then {@code body} (so body's first line is line 3). */
    private void write(String module, String pkg, String type, String body) throws IOException {
        Path dir = tmp.resolve(module).resolve("src/main/java").resolve(pkg.replace('.', '/'));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(type + ".java"), "package " + pkg + ";\n\n" + body);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    /** The repository root: surefire runs in the module's folder, one below it. */
    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isDirectory(dir.resolve("operators")) && Files.isDirectory(dir.resolve("predictor")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
