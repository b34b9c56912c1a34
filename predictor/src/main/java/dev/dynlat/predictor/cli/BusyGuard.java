package dev.dynlat.predictor.cli;

import dev.dynlat.calibration.host.BackgroundLoad;
import dev.dynlat.calibration.host.MachineBusyException;
import dev.dynlat.calibration.host.QuietMachine;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Optional;

/**
 * The busy-machine guard of a command that times on this CPU: before, wait for other processes to leave
 * the cores ({@link QuietMachine#awaitQuiet}); after, whether they kept a core busy meanwhile
 * ({@link QuietMachine#busyDuring}). An unguarded run ({@code --allow-busy}) neither waits nor reports.
 */
final class BusyGuard {
    private final boolean guarded;
    private final Optional<BackgroundLoad.Snapshot> loadAtStart;

    private BusyGuard(boolean guarded, Optional<BackgroundLoad.Snapshot> loadAtStart) {
        this.guarded = guarded;
        this.loadAtStart = loadAtStart;
    }

    /** Waits (when guarded) for the machine to settle, then notes the load at the start of the timing. */
    static BusyGuard start(boolean guarded, QuietMachine quietMachine, String command, PrintStream err)
            throws MachineBusyException, InterruptedException {
        if (guarded) {
            quietMachine.awaitQuiet(command, Runtime.getRuntime().availableProcessors(), new PrintWriter(err, true));
        }
        return new BusyGuard(guarded, BackgroundLoad.snapshot());
    }

    /** Why the machine was busy since {@link #start}, or empty when it was not (or the run was unguarded). */
    Optional<String> busySinceStart() {
        return guarded && loadAtStart.isPresent()
                ? BackgroundLoad.snapshot().flatMap(end -> QuietMachine.busyDuring(loadAtStart.get(), end))
                : Optional.empty();
    }
}
