package dev.dynlat.predictor.cli;

import dev.dynlat.predictor.sweep.RowFormat;
import dev.dynlat.predictor.sweep.SweepPlan;
import dev.dynlat.predictor.sweep.SweepRunner;
import dev.dynlat.predictor.sweep.SweepSpecLoader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code dynlat sweep --spec FILE --out FILE}: validates the spec and the output before any
 * work, then streams every row to the output on all cores (see {@link SweepRunner}).
 */
final class SpecSweep {
    private final Path specFile;
    private final Path out;
    private final Path chart;
    private final boolean flagsGiven;
    private final Integer threads;

    SpecSweep(Path specFile, Path out, Path chart, boolean flagsGiven, Integer threads) {
        this.threads = threads;
        this.specFile = specFile;
        this.out = out;
        this.chart = chart;
        this.flagsGiven = flagsGiven;
    }

    int run(PrintWriter err) {
        if (flagsGiven) {
            throw new IllegalArgumentException("spec: --spec takes models, devices, batches, variants and modes from"
                    + " the file; drop --model/--device/--batch/--variant/--schedule/--mode");
        }
        if (chart != null) {
            throw new IllegalArgumentException("chart: a spec sweep writes rows only; draw them with"
                    + " 'dynlat report --from " + (out == null ? "results.csv" : out) + " --out DIR'");
        }
        if (out == null) {
            throw new IllegalArgumentException("out: a spec sweep needs --out FILE (.csv or .jsonl)");
        }
        RowFormat format = RowFormat.fromPath(out);
        if (!Files.isRegularFile(specFile)) {
            throw new IllegalArgumentException("spec: '" + specFile + "' " + (Files.isDirectory(specFile)
                    ? "is a directory" : "does not exist"));
        }
        SweepPlan plan = SweepSpecLoader.load(specFile);
        int cores = Runtime.getRuntime().availableProcessors();
        if (threads != null && (threads < 1 || threads > 4 * cores)) {
            throw new IllegalArgumentException("threads: must be 1 to " + 4 * cores + ", got " + threads);
        }
        new SweepRunner(plan, format, threads == null ? cores : threads).run(out, err, System.console() != null);
        return 0;
    }
}
