package dev.dynlat.calibration.host;

import dev.dynlat.calibration.backend.Backend;
import dev.dynlat.calibration.backend.StreamPattern;

/**
 * The last-level cache as the cores see it, measured instead of read from sysfs: the stream rate over
 * growing footprints stays at the cache's rate while the data fits and falls towards the DRAM rate
 * beyond. A machine may misreport itself (an Intel Xeon VM's sysfs gave a 480 MiB L3, so the CPU
 * model's cache tier never charged the DRAM time that batch-8 im2col buffers pay: every prediction
 * 13% too fast, issue 19). The effective size is the largest footprint whose rate is still at least
 * the geometric mean of the smallest footprint's rate and the DRAM rate.
 */
public final class EffectiveCache {
    /** Smallest and largest footprints probed, MiB (doubling). */
    static final int MIN_MIB = 1;
    static final int MAX_MIB = 512;

    /** Stream rate over a footprint, bytes/s. */
    @FunctionalInterface
    public interface StreamRate {
        double bytesPerS(long footprintBytes);
    }

    private EffectiveCache() {
    }

    /**
     * The effective last-level cache, MiB: probed up to twice the sysfs figure (at least 8 MiB, at most
     * {@link #MAX_MIB}); never above the sysfs figure where sysfs names one.
     *
     * @param dramBytesPerS the stream rate over a buffer far beyond every cache
     * @param sysfsMiB      what the OS reports (0: nothing)
     */
    public static double mib(StreamRate rate, double dramBytesPerS, double sysfsMiB) {
        int limit = (int) Math.min(MAX_MIB, Math.max(8, 2 * sysfsMiB));
        double fast = rate.bytesPerS((long) MIN_MIB << 20);
        double threshold = Math.sqrt(fast * dramBytesPerS);
        if (!(fast > dramBytesPerS * 1.2)) {
            // No footprint streams measurably faster than DRAM: the cache cannot be seen from here.
            return sysfsMiB > 0 ? Math.min(sysfsMiB, MIN_MIB) : MIN_MIB;
        }
        int effective = MIN_MIB;
        for (int mib = 2 * MIN_MIB; mib <= limit; mib *= 2) {
            if (rate.bytesPerS((long) mib << 20) < threshold) {
                break;
            }
            effective = mib;
        }
        return sysfsMiB > 0 ? Math.min(sysfsMiB, effective) : effective;
    }

    /** {@link #mib} on a backend's read stream: the best of a few passes per footprint. */
    public static double mib(Backend backend, double dramBytesPerS, double sysfsMiB, boolean quick) {
        int rounds = quick ? 2 : 3;
        return mib(bytes -> {
            // Enough passes that each footprint streams about 256 MiB in all.
            int repeats = (int) Math.max(2, Math.min(500, (256L << 20) / bytes));
            double best = 0;
            for (int i = 0; i < rounds; i++) {
                best = Math.max(best, backend.streamBandwidth(StreamPattern.READ, bytes, repeats));
            }
            return best;
        }, dramBytesPerS, sysfsMiB);
    }
}
