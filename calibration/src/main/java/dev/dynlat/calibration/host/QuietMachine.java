package dev.dynlat.calibration.host;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;

/**
 * Waits, for a bounded time, until other processes leave the cores free before a measuring command
 * times anything, and judges the load over a run afterwards. A machine is busy when other processes
 * keep at least {@link #LIMIT_CORES} of a core busy on average: on a 2-core machine a single
 * busy-looping process is a whole core, and it is what made the native kernels collapse (issue 19).
 */
public final class QuietMachine {
    /** Other processes' load, in cores, at which the machine counts as busy. */
    public static final double LIMIT_CORES = 0.5;
    /** How long one reading of the load lasts, milliseconds. */
    static final long PROBE_MS = 1000;

    /** Other processes' average load over an interval, in cores; empty where it cannot be read. */
    @FunctionalInterface
    public interface LoadProbe {
        Optional<Double> otherBusyCores(long millis) throws InterruptedException;
    }

    private final LoadProbe probe;
    private final long maxWaitMs;

    /** @param maxWaitMs how long to wait for a busy machine to settle before refusing, milliseconds */
    public QuietMachine(LoadProbe probe, long maxWaitMs) {
        this.probe = probe;
        this.maxWaitMs = maxWaitMs;
    }

    /** This machine's load ({@link BackgroundLoad}). */
    public static QuietMachine ofThisMachine(long maxWaitMs) {
        return new QuietMachine(BackgroundLoad::over, maxWaitMs);
    }

    /**
     * Returns once other processes' load is under the limit (at once when it cannot be read); while it is
     * not, says so in one line and waits, up to the bound.
     *
     * @param command the command's name for the lines it prints (e.g. {@code dynlat calibrate})
     * @throws MachineBusyException when the machine stayed busy for the whole bound
     */
    public void awaitQuiet(String command, int cores, PrintWriter err) throws MachineBusyException,
            InterruptedException {
        Optional<Double> load = probe.otherBusyCores(PROBE_MS);
        if (load.isEmpty() || load.get() < LIMIT_CORES) {
            return;
        }
        err.println(String.format(Locale.ROOT, "%s: machine busy: other processes use %.2f of %d cores (limit %.2f);"
                + " waiting up to %d s for them to finish", command, load.get(), cores, LIMIT_CORES, maxWaitMs / 1000));
        err.flush();
        long waited = PROBE_MS;
        while (waited < maxWaitMs) {
            load = probe.otherBusyCores(PROBE_MS);
            waited += PROBE_MS;
            if (load.isEmpty() || load.get() < LIMIT_CORES) {
                return;
            }
        }
        throw new MachineBusyException(String.format(Locale.ROOT, "machine busy: other processes used %.2f of %d"
                + " cores for %d s (limit %.2f); figures timed now would not be this machine's: rerun when it is"
                + " idle, or pass --allow-busy to measure anyway", load.get(), cores, maxWaitMs / 1000, LIMIT_CORES));
    }

    /**
     * Judges the load over a finished run: empty when it was quiet (or unknown), else the one-line reason
     * its figures are not the machine's.
     */
    public static Optional<String> busyDuring(BackgroundLoad.Snapshot start, BackgroundLoad.Snapshot end) {
        double load = end.otherBusyCoresSince(start);
        if (load < LIMIT_CORES) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "machine busy during the measurement: other processes used"
                + " %.2f of %d cores on average (limit %.2f); its figures are not this machine's", load, end.cores(),
                LIMIT_CORES));
    }
}
