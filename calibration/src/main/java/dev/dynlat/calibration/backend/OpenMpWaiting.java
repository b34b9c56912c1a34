package dev.dynlat.calibration.backend;

/**
 * Bounds how long an OpenMP thread spins at a barrier before it sleeps, before any dynlat library that
 * links OpenMP is loaded: libgomp reads {@code GOMP_SPINCOUNT} once, when it loads. With its default
 * (about 300,000 spins) a thread waiting at a barrier keeps its core while the thread it waits for is
 * descheduled by another process, and the native kernels collapsed when a core was taken (issue 19:
 * a 0.7 ms kernel at a p90 of 20 ms). {@value #SPINS} spins (tens of microseconds) keep barriers as fast
 * on an idle machine and hand the core back on a busy one. A user's own {@code OMP_WAIT_POLICY} or
 * {@code GOMP_SPINCOUNT} is left alone.
 */
public final class OpenMpWaiting {
    /** Spins before a waiting OpenMP thread sleeps. */
    public static final String SPINS = "20000";
    /** The native library that sets it (it links no OpenMP itself). */
    static final String LIBRARY = "dynlat_omp_env";

    private static volatile Outcome outcome;

    /** What was done: set, left to the user's settings, or not possible (the reason). */
    public record Outcome(boolean set, String detail) {
    }

    private OpenMpWaiting() {
    }

    /** Sets the bound once per JVM (before the first OpenMP library loads); never throws. */
    public static synchronized Outcome bound() {
        if (outcome == null) {
            NativeLibrary lib = NativeLibrary.load(LIBRARY);
            if (!lib.loaded()) {
                outcome = new Outcome(false, "not set: " + lib.failure());
            } else {
                int rc = bound(SPINS);
                outcome = switch (rc) {
                    case 1 -> new Outcome(true, "GOMP_SPINCOUNT=" + SPINS);
                    case 0 -> new Outcome(false, "left to the environment's OMP_WAIT_POLICY/GOMP_SPINCOUNT");
                    default -> new Outcome(false, "not set: setenv failed");
                };
            }
        }
        return outcome;
    }

    private static native int bound(String spins);
}
