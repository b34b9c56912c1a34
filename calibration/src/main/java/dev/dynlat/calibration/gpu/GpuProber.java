package dev.dynlat.calibration.gpu;

import dev.dynlat.calibration.backend.CudaBackend;
import dev.dynlat.calibration.backend.GpuDeviceAttributes;
import dev.dynlat.calibration.backend.StreamPattern;
import java.util.Objects;

/**
 * Runs the GPU probes, each sized from the device's own attributes: FMA chains on every resident
 * thread of every SM, a DRAM stream over a buffer many times the L2, an L2 read over a buffer that fits
 * in it (many passes per launch, loads cached in L2 only), and back-to-back empty kernels in a CUDA graph
 * and on a stream. Peaks can only be underestimated by interference, so each is the best of a few rounds;
 * the launch gaps are medians.
 */
public final class GpuProber {
    /** DRAM probe buffer: this many times the L2, within [MIN_DRAM_BYTES, a quarter of device memory]. */
    static final int DRAM_BUFFER_L2_MULTIPLE = 8;
    static final long MIN_DRAM_BYTES = 256L << 20;
    static final long MAX_DRAM_BYTES = 2L << 30;
    /** L2 probe buffer as a fraction of the L2: room for the partitioning and replacement policy. */
    static final double L2_BUFFER_FRACTION = 0.4;
    /** Bytes each L2 probe launch reads in total, so it lasts far longer than its launch. */
    static final double L2_BYTES_PER_LAUNCH = 8e9;

    private final CudaBackend backend;
    private final boolean quick;

    public GpuProber(CudaBackend backend, boolean quick) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.quick = quick;
    }

    public GpuPeakProbes probe(GpuDeviceAttributes a) {
        long dramBytes = dramBufferBytes(a);
        long l2Bytes = l2BufferBytes(a);
        int passes = l2Passes(l2Bytes);
        int rounds = quick ? 2 : 3;
        double flops = 0;
        double dram = 0;
        double l2 = 0;
        for (int i = 0; i < rounds; i++) {
            // 2^18 iterations: about 20 ms on an H100, longer on smaller GPUs
            flops = Math.max(flops, backend.peakFlops(1L << 18));
            dram = Math.max(dram, backend.streamBandwidth(StreamPattern.READ, dramBytes, quick ? 5 : 10));
            l2 = Math.max(l2, backend.l2Bandwidth(l2Bytes, passes, quick ? 5 : 10));
        }
        double[] gaps = backend.launchGapSeconds(1000, quick ? 3 : 7);
        double sync = backend.emptyCallSeconds(quick ? 500 : 2000);
        return new GpuPeakProbes(flops, dram, l2, gaps[0], gaps[1], sync, dramBytes, l2Bytes);
    }

    static long dramBufferBytes(GpuDeviceAttributes a) {
        long want = Math.max(MIN_DRAM_BYTES, DRAM_BUFFER_L2_MULTIPLE * a.l2CacheBytes());
        long cap = Math.min(MAX_DRAM_BYTES, a.globalMemoryBytes() / 4);
        return Math.max(1L << 20, Math.min(want, cap)) / 16 * 16;
    }

    static long l2BufferBytes(GpuDeviceAttributes a) {
        return Math.max(64 << 10, (long) (a.l2CacheBytes() * L2_BUFFER_FRACTION)) / 16 * 16;
    }

    static int l2Passes(long bytes) {
        return (int) Math.max(1, Math.min(100_000, Math.ceil(L2_BYTES_PER_LAUNCH / bytes)));
    }
}
