package dev.dynlat.calibration.host;

import dev.dynlat.calibration.backend.Backend;
import dev.dynlat.calibration.backend.StreamPattern;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the backend's peak probes (FMA chains, DRAM and cache-resident streams, empty calls) and
 * collects them with the OS facts into {@link PeakProbes}.
 */
public final class HostProber {
    /** Clock assumed when the OS reports none; only the product lanes × clock matters to the model. */
    public static final double NOMINAL_CLOCK_MHZ = 2000;
    private static final Pattern THREADS = Pattern.compile("(\\d+) OpenMP threads");

    private final Backend backend;
    private final boolean quick;

    /** @param quick shorter probes (still best-of-several) for smoke and quick runs */
    public HostProber(Backend backend, boolean quick) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.quick = quick;
    }

    public PeakProbes probe() {
        CpuInfo info = CpuInfo.read();
        String description = backend.deviceDescription();
        int cores = threads(description);
        long fmaWork = quick ? 20_000_000L : 60_000_000L;
        // Other processes may share the cores: every probe is repeated and the best (least
        // disturbed) value kept, since a peak can only be underestimated by interference.
        int rounds = quick ? 3 : 5;
        double flops = 0;
        double dram = 0;
        double cache = 0;
        double call = Double.POSITIVE_INFINITY;
        for (int i = 0; i < rounds; i++) {
            flops = Math.max(flops, backend.peakFlops(fmaWork));
            // 256 MiB is far above the last-level cache; 512 KiB stays in the cores' L2/L3
            dram = Math.max(dram, backend.streamBandwidth(StreamPattern.READ, 256L << 20, 4));
            cache = Math.max(cache, backend.streamBandwidth(StreamPattern.READ, 512L << 10, 500));
            call = Math.min(call, backend.emptyCallSeconds(quick ? 50_000 : 200_000));
        }
        double effectiveCacheMiB = EffectiveCache.mib(backend, dram, info.cacheMiB(), quick);
        return new PeakProbes(info.model(), isa(description), cores, info.clockMHz().orElse(NOMINAL_CLOCK_MHZ), flops,
                dram, cache, call, info.memoryGiB(), effectiveCacheMiB, info.cacheMiB());
    }

    /** OpenMP thread count from a description like "cpu avx2, 2 OpenMP threads"; the JVM's count otherwise. */
    static int threads(String description) {
        Matcher m = THREADS.matcher(description);
        return m.find() ? Integer.parseInt(m.group(1)) : Runtime.getRuntime().availableProcessors();
    }

    /** The ISA word after "cpu " in the description, lower case; "" when absent. */
    static String isa(String description) {
        String d = description.trim();
        if (!d.startsWith("cpu ")) {
            return "";
        }
        String rest = d.substring(4);
        int end = rest.indexOf(',');
        return (end < 0 ? rest : rest.substring(0, end)).trim().toLowerCase(Locale.ROOT);
    }
}
