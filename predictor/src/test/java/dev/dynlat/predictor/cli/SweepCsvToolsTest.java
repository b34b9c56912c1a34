package dev.dynlat.predictor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spec sweep's CSV read by the tools researchers use, with no options: Python's csv module
 * always, pandas where it is installed (Debian's {@code python3-pandas} in CI). Both must see the
 * documented columns as the header and every row as data.
 */
class SweepCsvToolsTest {
    @TempDir
    Path tmp;
    private Path csv;
    private String header;

    @BeforeEach
    void sweep() throws IOException {
        Path spec = tmp.resolve("spec.yaml");
        try (InputStream in = SweepCsvToolsTest.class.getResourceAsStream("/golden/sweep-spec.yaml")) {
            Files.write(spec, in.readAllBytes());
        }
        csv = tmp.resolve("sweep.csv");
        CliTest.Result r = CliTest.run("sweep", "--spec", spec.toString(), "--out", csv.toString());
        assertEquals(0, r.code(), r.err());
        header = Files.readAllLines(csv).get(0);
    }

    @Test
    void pythonsCsvModuleReadsTheHeaderThenTheRows() throws Exception {
        assumeTrue(importable("csv"), "python3 is not installed; the csv-module check is skipped");
        Path result = tmp.resolve("csv.txt");
        assertEquals(0, check("""
                import csv, sys
                with open(sys.argv[1], newline='') as f:
                    rows = list(csv.DictReader(f))
                cols = list(rows[0].keys())
                float(rows[0]['latency_ms'])
                open(sys.argv[2], 'w').write(','.join(cols) + '\\n' + str(len(rows)) + '\\n')
                """, csv.toString(), result.toString()));
        assertEquals(List.of(header, "13"), Files.readAllLines(result));
    }

    @Test
    void pandasReadCsvGivesTheDocumentedColumns() throws Exception {
        assumeTrue(importable("pandas"),
                "pandas is not importable by python3 (install python3-pandas); the pandas.read_csv check is skipped");
        Path result = tmp.resolve("pandas.txt");
        assertEquals(0, check("""
                import sys, pandas
                df = pandas.read_csv(sys.argv[1])
                assert df['latency_ms'].dtype.kind == 'f', df.dtypes
                open(sys.argv[2], 'w').write(','.join(df.columns) + '\\n' + str(df.shape[0]) + '\\n')
                """, csv.toString(), result.toString()));
        assertEquals(List.of(header, "13"), Files.readAllLines(result));
        List<String> documented = List.of("model", "device", "variant", "batch", "paradigm", "option", "rate",
                "latency_ms", "latency_per_image_ms", "blocks_latency_ms", "static_latency_ms", "speedup");
        assertEquals(documented, List.of(header.split(",")).subList(0, documented.size()));
    }

    /** Runs {@code python3 -c script args…}; the exit code, or -1 when python3 cannot be started. */
    private int python(String script, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("python3", "-c", script));
        cmd.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("python.log").toFile())
                    .start();
        } catch (IOException noPython) {
            return -1;
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("python3 did not finish in 120 s");
        }
        return p.exitValue();
    }

    private boolean importable(String module) throws Exception {
        return python("import " + module) == 0;
    }

    /** Runs a check script; its output (the traceback of a failed assert) goes to stderr when it fails. */
    private int check(String script, String... args) throws Exception {
        int code = python(script, args);
        if (code != 0) {
            System.err.println(Files.readString(tmp.resolve("python.log"), StandardCharsets.UTF_8));
        }
        return code;
    }
}
