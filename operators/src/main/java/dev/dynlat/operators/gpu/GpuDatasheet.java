package dev.dynlat.operators.gpu;

import dev.dynlat.operators.profile.Datasheet;

/**
 * The datasheet figures the GPU library model is built on, in SI units.
 *
 * @param streamingMultiprocessors SMs
 * @param fp32LanesPerSm FP32 cores per SM
 * @param clockHz boost clock, Hz
 * @param dramBytesPerS DRAM bandwidth, bytes per second
 * @param l2Bytes L2 capacity, bytes
 */
public record GpuDatasheet(int streamingMultiprocessors, int fp32LanesPerSm, double clockHz, double dramBytesPerS,
                           double l2Bytes) {
    public GpuDatasheet {
        if (streamingMultiprocessors <= 0 || fp32LanesPerSm <= 0 || !(clockHz > 0) || !(dramBytesPerS > 0)
                || !(l2Bytes > 0)) {
            throw new IllegalArgumentException("datasheet: the GPU library model needs SMs, FP32 lanes, clock,"
                    + " DRAM bandwidth and L2 size, all positive");
        }
    }

    /** From a profile's datasheet section. */
    public static GpuDatasheet of(Datasheet d) {
        return new GpuDatasheet(d.processingEngines(), (int) Math.round(d.fp32LanesPerEngine()), d.boostClockMHz() * 1e6,
                d.dramBandwidthGBps() * 1e9, d.l2CacheMiB() * (1 << 20));
    }

    /** FP32 multiply-accumulates per second of one SM at full lane use. */
    public double smMacsPerS() {
        return fp32LanesPerSm * clockHz;
    }
}
