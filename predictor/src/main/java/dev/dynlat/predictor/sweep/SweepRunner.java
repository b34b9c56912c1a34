package dev.dynlat.predictor.sweep;

import dev.dynlat.predictor.provenance.ToolVersion;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs a {@link SweepPlan} into a file: rows are cut into chunks that worker threads evaluate
 * (one {@link SweepEvaluator} each), and the calling thread writes finished chunks strictly in
 * row order (a reorder buffer of a few chunks per thread, so memory stays flat whatever the row
 * count). An existing output of the same plan is resumed after its last complete row. On SIGINT
 * or SIGTERM the chunk being written is finished first, so the file never ends in a torn row.
 */
public final class SweepRunner {
    static final int CHUNK_ROWS = 1024;
    private final SweepPlan plan;
    private final RowFormat format;
    private final int threads;
    private final ToolVersion tool;

    /** Called on the writing thread after each chunk is on disk, with the rows in the file. */
    public interface Checkpoint {
        void written(long rows);
    }

    /**
     * What a run did.
     *
     * @param rowsTotal rows of the plan
     * @param rowsResumed rows that were already in the file
     * @param rowsWritten rows this run wrote
     */
    public record Result(long rowsTotal, long rowsResumed, long rowsWritten) {
    }

    public SweepRunner(SweepPlan plan, RowFormat format, int threads) {
        this(plan, format, threads, ToolVersion.current());
    }

    /** A runner that names {@code tool} as the build writing the output (tests pose as other builds). */
    SweepRunner(SweepPlan plan, RowFormat format, int threads, ToolVersion tool) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads: must be at least 1, got " + threads);
        }
        this.plan = plan;
        this.format = format;
        this.threads = threads;
        this.tool = tool;
    }

    /** Runs with the stderr progress of a terminal or of a log, and no checkpoint. */
    public Result run(Path out, PrintWriter err, boolean terminal) {
        return run(out, err, terminal, 10_000, rows -> { });
    }

    public Result run(Path out, PrintWriter err, boolean terminal, long statusEveryMs, Checkpoint checkpoint) {
        long total = plan.rowCount();
        List<String> columns = SweepColumns.names(plan.stageColumns());
        String preamble = format.preamble(plan.fingerprint(), total, columns, tool);
        ReentrantLock writing = new ReentrantLock();
        try (SweepOutput output = SweepOutput.open(out, preamble,
                format.sidecar(plan.fingerprint(), total, columns, tool), total)) {
            long resumed = output.rowsPresent();
            if (resumed == total) {
                err.println("sweep: " + out + " already holds all " + total + " rows");
                err.flush();
                return new Result(total, resumed, 0);
            }
            SweepProgress progress = new SweepProgress(err, terminal, total, resumed, statusEveryMs, System::nanoTime);
            Thread onSignal = new Thread(() -> finishCurrentWrite(writing, err, out));
            Runtime.getRuntime().addShutdownHook(onSignal);
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "dynlat-sweep");
                t.setDaemon(true);
                return t;
            });
            ThreadLocal<SweepEvaluator> evaluators = ThreadLocal.withInitial(() -> new SweepEvaluator(plan, format));
            long done = resumed;
            try {
                Iterator<Chunk> chunks = new Chunks(plan.groups(), resumed);
                ArrayDeque<Future<byte[]>> pending = new ArrayDeque<>();
                ArrayDeque<Long> sizes = new ArrayDeque<>();
                int window = 4 * threads;
                while (chunks.hasNext() || !pending.isEmpty()) {
                    while (chunks.hasNext() && pending.size() < window) {
                        Chunk c = chunks.next();
                        pending.add(pool.submit(() -> {
                            StringBuilder sb = new StringBuilder((int) (c.to - c.from) * 300);
                            evaluators.get().appendRows(c.group, c.from, c.to, sb);
                            return sb.toString().getBytes(StandardCharsets.UTF_8);
                        }));
                        sizes.add(c.to - c.from);
                    }
                    byte[] rows = await(pending.poll());
                    writing.lock();
                    try {
                        output.append(rows);
                    } finally {
                        writing.unlock();
                    }
                    done += sizes.poll();
                    progress.update(done);
                    checkpoint.written(done);
                }
            } finally {
                pool.shutdownNow();
                try {
                    Runtime.getRuntime().removeShutdownHook(onSignal);
                } catch (IllegalStateException shuttingDown) {
                    // The hook is running: the JVM is exiting on a signal.
                }
            }
            progress.finish(done, out.toString());
            return new Result(total, resumed, done - resumed);
        }
    }

    /** Lets the write in progress complete, then holds the lock so no further write starts. */
    private static void finishCurrentWrite(ReentrantLock writing, PrintWriter err, Path out) {
        try {
            if (writing.tryLock(5, TimeUnit.SECONDS)) {
                err.println();
                err.println("sweep: interrupted; " + out + " ends with whole rows; rerun the same command to resume");
                err.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] await(Future<byte[]> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Rows {@code [from, to)} of one group. */
    private record Chunk(SweepPlan.Group group, long from, long to) {
    }

    /** The chunks of every group from a global row on, generated lazily. */
    private static final class Chunks implements Iterator<Chunk> {
        private final List<SweepPlan.Group> groups;
        private int group;
        private long next;

        Chunks(List<SweepPlan.Group> groups, long startRow) {
            this.groups = groups;
            while (group < groups.size()
                    && groups.get(group).firstRow() + groups.get(group).rows() <= startRow) {
                group++;
            }
            next = group < groups.size() ? startRow - groups.get(group).firstRow() : 0;
        }

        @Override
        public boolean hasNext() {
            return group < groups.size();
        }

        @Override
        public Chunk next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            SweepPlan.Group g = groups.get(group);
            long to = Math.min(g.rows(), next + CHUNK_ROWS);
            Chunk c = new Chunk(g, next, to);
            next = to;
            if (next >= g.rows()) {
                group++;
                next = 0;
            }
            return c;
        }
    }
}
