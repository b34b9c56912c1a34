package dev.dynlat.calibration.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How much of the machine other processes use: the CPU time all cores spent busy ({@code /proc/stat})
 * minus this process's own ({@code /proc/self/stat}), over an interval, in cores. Timing figures
 * taken while another process holds a core are not the machine's (issue 19: one busy core raised the
 * speed reference's p90/p10 to 31), so measuring commands read it before and around their timing.
 * Linux only; elsewhere {@link #snapshot} is empty and no load is reported.
 */
public final class BackgroundLoad {
    private static final Path STAT = Path.of("/proc/stat");
    private static final Path SELF = Path.of("/proc/self/stat");

    private BackgroundLoad() {
    }

    /**
     * CPU time counters at one moment, in clock ticks.
     *
     * @param busyTicks  ticks all cores spent on anything but idle and I/O wait
     * @param totalTicks ticks of all cores
     * @param ownTicks   user and system ticks of this process (all its threads)
     * @param cores      cores counted in {@code /proc/stat}
     */
    public record Snapshot(long busyTicks, long totalTicks, long ownTicks, int cores) {
        /** Cores other processes kept busy on average since {@code earlier}; 0 over an empty interval. */
        public double otherBusyCoresSince(Snapshot earlier) {
            long total = totalTicks - earlier.totalTicks;
            if (total <= 0) {
                return 0;
            }
            double elapsedTicksPerCore = (double) total / cores;
            double others = (busyTicks - earlier.busyTicks) - (ownTicks - earlier.ownTicks);
            return Math.max(0, others / elapsedTicksPerCore);
        }
    }

    /** The counters now, or empty where {@code /proc} cannot be read (not Linux). */
    public static Optional<Snapshot> snapshot() {
        try {
            return Optional.of(parse(Files.readString(STAT, StandardCharsets.US_ASCII),
                    Files.readString(SELF, StandardCharsets.US_ASCII)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The counters of a {@code /proc/stat} text and a {@code /proc/self/stat} line. */
    static Snapshot parse(String procStat, String selfStat) {
        long busy = 0;
        long total = 0;
        int cores = 0;
        for (String line : procStat.split("\n")) {
            if (line.startsWith("cpu ")) {
                String[] f = line.trim().split("\\s+");
                // user nice system idle iowait irq softirq steal (guest time is already in user)
                for (int i = 1; i <= Math.min(8, f.length - 1); i++) {
                    long v = Long.parseLong(f[i]);
                    total += v;
                    if (i != 4 && i != 5) {
                        busy += v;
                    }
                }
            } else if (line.startsWith("cpu")) {
                cores++;
            }
        }
        if (cores == 0 || total == 0) {
            throw new IllegalArgumentException("/proc/stat: no cpu lines");
        }
        // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
        String[] f = selfStat.substring(selfStat.lastIndexOf(')') + 2).trim().split("\\s+");
        long own = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return new Snapshot(busy, total, own, cores);
    }

    /** Other processes' average load over {@code millis} from now, cores; empty where it cannot be read. */
    public static Optional<Double> over(long millis) throws InterruptedException {
        Optional<Snapshot> before = snapshot();
        Thread.sleep(millis);
        Optional<Snapshot> after = snapshot();
        if (before.isEmpty() || after.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(after.get().otherBusyCoresSince(before.get()));
    }
}
