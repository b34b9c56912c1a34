package dev.dynlat.predictor.bench;

import dev.dynlat.predictor.sweep.RowFormat;
import dev.dynlat.predictor.sweep.SweepPlan;
import dev.dynlat.predictor.sweep.SweepRunner;
import dev.dynlat.predictor.sweep.SweepSpecLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole 51,210-row sweep of {@code src/examples/sweep-10k.yaml} into a fresh CSV, as
 * {@code dynlat sweep --spec} runs it: new predictors (cold tile searches) every time, all
 * rows formatted and written. Rows per second = 51,210 / the reported seconds per run.
 * Run from the repository root with {@code src/bench/jmh.sh SweepBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class SweepBenchmark {
    @Param({"2"})
    public int threads;

    private SweepPlan plan;
    private Path dir;
    private Path out;

    @Setup(Level.Trial)
    public void load() throws IOException {
        plan = SweepSpecLoader.load(Path.of("src/examples/sweep-10k.yaml"));
        dir = Files.createTempDirectory("dynlat-sweep-bench");
    }

    @Setup(Level.Iteration)
    public void fresh() throws IOException {
        out = dir.resolve("results.csv");
        Files.deleteIfExists(out);
    }

    @Benchmark
    public long sweep10k() {
        return new SweepRunner(plan, RowFormat.CSV, threads).run(out, new PrintWriter(new StringWriter()), false)
                .rowsWritten();
    }

    @TearDown(Level.Trial)
    public void clean() throws IOException {
        Files.deleteIfExists(out);
        Files.deleteIfExists(dir);
    }
}
