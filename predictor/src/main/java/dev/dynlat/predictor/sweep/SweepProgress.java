package dev.dynlat.predictor.sweep;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of a sweep on stderr: on a terminal a bar redrawn in place (rows done, rate, ETA) at
 * most ten times a second; otherwise one status line every {@code statusEveryMs}, so logs of
 * long runs show life without flooding.
 */
final class SweepProgress {
    private static final int BAR = 30;
    private final PrintWriter err;
    private final boolean terminal;
    private final long total;
    private final long skipped;
    private final long statusEveryNs;
    private final LongSupplier clockNs;
    private final long startNs;
    private long lastNs;

    SweepProgress(PrintWriter err, boolean terminal, long total, long skipped, long statusEveryMs,
                  LongSupplier clockNs) {
        this.err = err;
        this.terminal = terminal;
        this.total = total;
        this.skipped = skipped;
        this.statusEveryNs = (terminal ? 100 : statusEveryMs) * 1_000_000L;
        this.clockNs = clockNs;
        this.startNs = clockNs.getAsLong();
        this.lastNs = startNs;
    }

    /** Called after rows are written; {@code done} counts rows on disk, resumed ones included. */
    void update(long done) {
        long now = clockNs.getAsLong();
        if (now - lastNs < statusEveryNs) {
            return;
        }
        lastNs = now;
        String text = line(done, now);
        if (terminal) {
            int filled = (int) (BAR * done / Math.max(1, total));
            err.print("\r[" + "#".repeat(filled) + " ".repeat(BAR - filled) + "] " + text);
        } else {
            err.println("sweep: " + text);
        }
        err.flush();
    }

    /** The closing line: rows written in this run, time and rate. */
    void finish(long done, String out) {
        long now = clockNs.getAsLong();
        double s = (now - startNs) / 1e9;
        long ran = done - skipped;
        if (terminal) {
            err.print("\r" + " ".repeat(BAR + 60) + "\r");
        }
        err.println(String.format(Locale.ROOT, "sweep: %d rows in %.1f s (%.0f rows/s)%s -> %s", ran, s,
                s > 0 ? ran / s : 0.0, skipped > 0 ? ", " + skipped + " resumed" : "", out));
        err.flush();
    }

    private String line(long done, long now) {
        double s = (now - startNs) / 1e9;
        double rate = s > 0 ? (done - skipped) / s : 0;
        long left = total - done;
        String eta = rate > 0 ? duration(left / rate) : "?";
        return String.format(Locale.ROOT, "%d/%d rows (%.1f%%), %.0f rows/s, ETA %s", done, total,
                100.0 * done / Math.max(1, total), rate, eta);
    }

    private static String duration(double seconds) {
        long t = Math.round(seconds);
        return t >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", t / 3600, t / 60 % 60)
                : t >= 60 ? String.format(Locale.ROOT, "%dm%02ds", t / 60, t % 60) : t + " s";
    }
}
