package dev.dynlat.calibration.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The effective last-level cache from stream rates over growing footprints, against what sysfs says. */
class EffectiveCacheTest {
    /** A machine whose stream rate is 100 GB/s while the footprint fits {@code realMiB}, 20 GB/s beyond. */
    private static EffectiveCache.StreamRate machine(int realMiB, List<Long> probed) {
        return bytes -> {
            probed.add(bytes);
            return bytes <= ((long) realMiB << 20) ? 100e9 : 20e9;
        };
    }

    @Test
    void aMisreportedCacheIsReplacedByTheMeasuredOne() {
        List<Long> probed = new ArrayList<>();
        // The Xeon VM of issue 19: sysfs said 480 MiB; the cores see 32 MiB.
        assertEquals(32, EffectiveCache.mib(machine(32, probed), 20e9, 480));
        assertTrue(probed.stream().allMatch(b -> b <= (512L << 20)), "never beyond " + EffectiveCache.MAX_MIB + " MiB");
    }

    @Test
    void aTruthfulSysfsFigureIsKeptAndNeverExceeded() {
        assertEquals(32, EffectiveCache.mib(machine(32, new ArrayList<>()), 20e9, 32));
        // A cache that streams fast beyond what sysfs says (a neighbouring level): the OS's figure caps it.
        assertEquals(16, EffectiveCache.mib(machine(64, new ArrayList<>()), 20e9, 16));
    }

    @Test
    void withNoCacheVisibleTheSmallestFootprintIsTaken() {
        EffectiveCache.StreamRate flat = bytes -> 21e9;
        assertEquals(1, EffectiveCache.mib(flat, 20e9, 480));
        assertEquals(0.5, EffectiveCache.mib(flat, 20e9, 0.5));
    }

    @Test
    void theBootstrappedDatasheetCarriesBothFigures() {
        PeakProbes p = new PeakProbes("Xeon", "x86-64-v4", 2, 2000, 160e9, 20e9, 80e9, 2e-6, 16, 32, 480);
        var profile = HostProfileBootstrap.profile("host", p);
        assertEquals(32, profile.datasheet().l2CacheMiB());
        assertTrue(HostProfileBootstrap.cacheNote(p).contains("sysfs reports 480 MiB"), HostProfileBootstrap.cacheNote(p));
        assertEquals("", HostProfileBootstrap.cacheNote(new PeakProbes("x", "", 1, 1000, 8e9, 10e9, 0, 0, 0, 4)));
    }
}
