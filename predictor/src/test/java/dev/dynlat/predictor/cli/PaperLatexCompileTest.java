package dev.dynlat.predictor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worked example of src/docs/figures: every figure and table regenerated (from a small sweep)
 * and set by pdflatex in a two-column page with 3.25 in columns, at its printed size. Nothing may
 * be overfull. Runs only where pdflatex is installed (with booktabs and siunitx).
 */
class PaperLatexCompileTest {
    private static final Path FIGURES = Path.of("..", "src", "docs", "figures");

    @TempDir
    Path tmp;

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    @Test
    void theExamplePaperCompilesWithNothingOverfull() throws IOException, InterruptedException {
        Assumptions.assumeTrue(onPath("pdflatex"), "no pdflatex on PATH: the example paper.tex is not compiled");
        Path spec = tmp.resolve("spec.yaml");
        Files.writeString(spec, """
                models: [resnet50, resnet101]
                devices: [v100, tx2]
                paradigms:
                  spatial: {granularity: [1, 2, 4, 8]}
                rates: [0.25, 0.5, 0.75, 1.0]
                """);
        Path results = tmp.resolve("results.csv");
        Path doc = tmp.resolve("doc");
        run("sweep", "--spec", spec.toString(), "--out", results.toString());
        Path accuracy = tmp.resolve("acc.csv");
        Files.writeString(accuracy, "option,rate,accuracy_pct\n1-1-1-1,0.5,76.2\n4-4-4-4,0.5,75.1\n"
                + "2-2-2-2,0.75,76.9\n1-2-4-4,1,77.3\n");
        run("report", "--from", results.toString(), "--out", doc.toString(), "--format", "pdf", "--paradigm",
                "spatial", "--accuracy", accuracy.toString(),
                "--measured", FIGURES.resolve("predicted-vs-measured-quick-calibration.csv").toString());
        run("predict", "--model", "gfnet-resnet50-96", "--device", "tx2", "--exits", "0.5,0.3,0.1,0.05,0.05",
                "--chart", doc.resolve("exit-latency.pdf").toString());
        run("sweep", "--model", "resnet50", "--device", "v100", "--mode", "spatial", "--options", "1,2,4,8",
                "--rates", "0.1:1:0.1", "--out", doc.resolve("sweep-flags.tex").toString(),
                "--chart", doc.resolve("sweep-flags.pdf").toString());
        Files.copy(FIGURES.resolve("paper.tex"), doc.resolve("paper.tex"));

        Process latex = new ProcessBuilder("pdflatex", "-interaction=nonstopmode", "-halt-on-error", "paper.tex")
                .directory(doc.toFile()).redirectErrorStream(true).redirectOutput(doc.resolve("out.txt").toFile())
                .start();
        assertTrue(latex.waitFor(120, TimeUnit.SECONDS), "pdflatex did not finish");
        String log = Files.readString(doc.resolve("paper.log"), StandardCharsets.ISO_8859_1);
        assertEquals(0, latex.exitValue(), log.substring(Math.max(0, log.length() - 3000)));
        List<String> overfull = log.lines().filter(l -> l.startsWith("Overfull")).toList();
        assertTrue(overfull.isEmpty(), "too wide for its column or page: " + overfull);
        assertFalse(log.contains("LaTeX Error"), log);
        assertTrue(Files.size(doc.resolve("paper.pdf")) > 10_000);
    }

    private static void run(String... args) {
        CliTest.Result r = CliTest.run(args);
        assertEquals(0, r.code(), String.join(" ", args) + ": " + r.err());
    }
}
