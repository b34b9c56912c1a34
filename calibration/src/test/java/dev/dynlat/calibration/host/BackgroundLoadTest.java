package dev.dynlat.calibration.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Other processes' load from /proc counters, and the bounded wait for a quiet machine. */
class BackgroundLoadTest {
    private static String procStat(long user, long system, long idle) {
        return "cpu  " + user + " 0 " + system + " " + idle + " 0 0 0 0 0 0\n"
                + "cpu0 1 0 1 1 0 0 0 0 0 0\ncpu1 1 0 1 1 0 0 0 0 0 0\nintr 5\n";
    }

    /** A /proc/self/stat line whose command name holds spaces and a parenthesis, as a thread name may. */
    private static String selfStat(long utime, long stime) {
        return "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 " + utime + " " + stime
                + " 0 0 20 0 30 0 123 456 789\n";
    }

    @Test
    void countsOtherProcessesBusyTimeInCoresAndLeavesOurOwnOut() {
        BackgroundLoad.Snapshot a = BackgroundLoad.parse(procStat(1000, 500, 8500), selfStat(300, 100));
        assertEquals(2, a.cores());
        assertEquals(1500, a.busyTicks());
        assertEquals(10_000, a.totalTicks());
        assertEquals(400, a.ownTicks());
        // 200 ticks later per core (400 in all): 250 busy ticks, 50 of them ours -> 200 / 200 = 1 core of others.
        BackgroundLoad.Snapshot b = BackgroundLoad.parse(procStat(1200, 550, 8650), selfStat(340, 110));
        assertEquals(1.0, b.otherBusyCoresSince(a), 1e-12);
        // Only our own work: no load from others.
        BackgroundLoad.Snapshot c = BackgroundLoad.parse(procStat(1100, 500, 8800), selfStat(400, 100));
        assertEquals(0.0, c.otherBusyCoresSince(a), 1e-12);
        assertEquals(0.0, a.otherBusyCoresSince(a), "an empty interval");
        assertThrows(IllegalArgumentException.class, () -> BackgroundLoad.parse("intr 5\n", selfStat(1, 1)));
    }

    @Test
    void thisLinuxMachineIsReadable() {
        Optional<BackgroundLoad.Snapshot> s = BackgroundLoad.snapshot();
        assertTrue(s.isPresent(), "/proc/stat and /proc/self/stat are readable on Linux");
        assertTrue(s.get().cores() >= 1 && s.get().totalTicks() > 0);
    }

    private static QuietMachine.LoadProbe readings(Double... loads) {
        ArrayDeque<Double> q = new ArrayDeque<>(List.of(loads));
        return ms -> Optional.of(q.size() > 1 ? q.poll() : q.peek());
    }

    @Test
    void aQuietMachineIsMeasuredAtOnceSilently() throws Exception {
        StringWriter out = new StringWriter();
        new QuietMachine(readings(0.1), 60_000).awaitQuiet("dynlat calibrate", 2, new PrintWriter(out, true));
        new QuietMachine(ms -> Optional.empty(), 60_000).awaitQuiet("dynlat calibrate", 2, new PrintWriter(out, true));
        assertEquals("", out.toString());
    }

    @Test
    void aBusyMachineIsWaitedForWithOneLineUntilItSettles() throws Exception {
        StringWriter out = new StringWriter();
        new QuietMachine(readings(0.97, 0.9, 0.2), 60_000).awaitQuiet("dynlat calibrate", 2,
                new PrintWriter(out, true));
        List<String> lines = out.toString().lines().toList();
        assertEquals(1, lines.size(), out.toString());
        assertTrue(lines.get(0).startsWith("dynlat calibrate: machine busy: other processes use 0.97 of 2 cores"),
                lines.get(0));
    }

    @Test
    void aMachineBusyForTheWholeBoundIsRefusedNamingTheLoad() {
        StringWriter out = new StringWriter();
        MachineBusyException e = assertThrows(MachineBusyException.class, () -> new QuietMachine(readings(0.99),
                5_000).awaitQuiet("dynlat calibrate", 2, new PrintWriter(out, true)));
        assertTrue(e.getMessage().contains("other processes used 0.99 of 2 cores for 5 s (limit 0.50)"),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void aRunIsJudgedByTheLoadOverItsWholeLength() {
        BackgroundLoad.Snapshot start = BackgroundLoad.parse(procStat(1000, 500, 8500), selfStat(300, 100));
        BackgroundLoad.Snapshot loaded = BackgroundLoad.parse(procStat(1200, 550, 8650), selfStat(340, 110));
        BackgroundLoad.Snapshot quiet = BackgroundLoad.parse(procStat(1100, 500, 8800), selfStat(400, 100));
        assertTrue(QuietMachine.busyDuring(start, loaded).orElseThrow().contains("1.00 of 2 cores"));
        assertTrue(QuietMachine.busyDuring(start, quiet).isEmpty());
    }
}
