package dev.dynlat.calibration.suite;

import dev.dynlat.calibration.protocol.MeasurementListener;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells the user what an interrupted calibration left behind. While installed, a JVM shutdown hook
 * (run on SIGINT/SIGTERM) prints {@code interrupted after N configurations; raw samples kept in …};
 * {@link #close()} removes it when the run ends normally or with an error of its own.
 */
public final class InterruptNotice implements AutoCloseable {
    private final PrintStream err;
    private final Path rawSamples;
    private final Set<String> measured = ConcurrentHashMap.newKeySet();
    private final Thread hook;
    private volatile boolean installed;

    private InterruptNotice(PrintStream err, Path rawSamples) {
        this.err = err;
        this.rawSamples = rawSamples;
        this.hook = new Thread(this::report, "dynlat-interrupt-notice");
    }

    /** Creates the notice and registers its shutdown hook. */
    public static InterruptNotice install(PrintStream err, Path rawSamples) {
        InterruptNotice n = new InterruptNotice(err, rawSamples);
        Runtime.getRuntime().addShutdownHook(n.hook);
        n.installed = true;
        return n;
    }

    /** Counts each configuration (distinct measurement key) once it has been persisted, then calls {@code next}. */
    public MeasurementListener counting(MeasurementListener next) {
        MeasurementListener count = (m, done, total) -> measured.add(m.key());
        return count.andThen(next);
    }

    /** Configurations measured so far. */
    public int configurations() {
        return measured.size();
    }

    /** The line printed on interruption. */
    public String message() {
        return "interrupted after " + configurations() + " configurations; raw samples kept in " + rawSamples;
    }

    /** What the shutdown hook does (separate so tests can call it without stopping the JVM). */
    void report() {
        err.println(message());
        err.flush();
    }

    @Override
    public void close() {
        if (!installed) {
            return;
        }
        installed = false;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting: the hook runs and says what was kept.
        }
    }
}
