package dev.dynlat.calibration.host;

/**
 * What the peak probes measured on the host, with the facts read from the OS.
 *
 * @param cpuModel            CPU model name (from /proc/cpuinfo), or "unknown"
 * @param isa                 instruction-set level of the native kernels (e.g. "avx2"), "" if unknown
 * @param cores               threads the kernels run on (OpenMP threads)
 * @param clockMHz            clock used for the lane count: /proc/cpuinfo "cpu MHz", else a nominal value
 * @param fmaFlopsPerS        best FMA-chain throughput over all cores, FLOP/s (an FMA is 2 FLOP)
 * @param dramBytesPerS       streaming read bandwidth over a buffer far larger than the caches, bytes/s
 * @param cacheBytesPerS      streaming read bandwidth over a cache-resident buffer, bytes/s (0: not probed)
 * @param emptyCallS          mean cost of one empty native call, seconds
 * @param memoryGiB           installed memory, GiB (0 if unknown)
 * @param lastLevelCacheMiB   last-level cache size the model uses, MiB: measured ({@link EffectiveCache}) where
 *                            probed, else what the OS reports (0 if unknown)
 * @param sysfsCacheMiB       last-level cache size the OS reports, MiB (0 if unknown), kept beside the measured one
 */
public record PeakProbes(String cpuModel, String isa, int cores, double clockMHz, double fmaFlopsPerS,
                         double dramBytesPerS, double cacheBytesPerS, double emptyCallS, double memoryGiB,
                         double lastLevelCacheMiB, double sysfsCacheMiB) {

    /** Probes whose cache size is the OS's figure (nothing measured). */
    public PeakProbes(String cpuModel, String isa, int cores, double clockMHz, double fmaFlopsPerS,
                      double dramBytesPerS, double cacheBytesPerS, double emptyCallS, double memoryGiB,
                      double lastLevelCacheMiB) {
        this(cpuModel, isa, cores, clockMHz, fmaFlopsPerS, dramBytesPerS, cacheBytesPerS, emptyCallS, memoryGiB,
                lastLevelCacheMiB, lastLevelCacheMiB);
    }

    public PeakProbes {
        if (cores < 1) {
            throw new IllegalArgumentException("cores must be >= 1, got " + cores);
        }
        positive("clockMHz", clockMHz);
        positive("fmaFlopsPerS", fmaFlopsPerS);
        positive("dramBytesPerS", dramBytesPerS);
        if (!(cacheBytesPerS >= 0) || !(emptyCallS >= 0) || !(memoryGiB >= 0) || !(lastLevelCacheMiB >= 0)
                || !(sysfsCacheMiB >= 0)) {
            throw new IllegalArgumentException("cache bandwidth, call overhead, memory and cache size must be >= 0");
        }
    }

    private static void positive(String name, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + v);
        }
    }
}
