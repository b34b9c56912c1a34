package dev.dynlat.operators.profile;

/**
 * Public specification numbers of a device, kept for reference and for deriving constants of
 * devices the LAUDNet reference never modelled.
 *
 * @param processingEngines SMs (GPU) or cores (CPU)
 * @param fp32LanesPerEngine FP32 units per SM, or SIMD fp32 lanes × FMA ports per core
 * @param boostClockMHz boost clock
 * @param dramBandwidthGBps peak DRAM bandwidth, 10^9 bytes per second
 * @param memoryGiB device memory
 * @param l2CacheMiB last-level cache size (0 if unknown)
 * @param source where the numbers come from
 */
public record Datasheet(int processingEngines, double fp32LanesPerEngine, double boostClockMHz,
                        double dramBandwidthGBps, double memoryGiB, double l2CacheMiB, String source) {

    /** Peak FP32 throughput in 10^12 FLOP/s, counting an FMA as two operations. */
    public double peakFp32Tflops() {
        return 2.0 * processingEngines * fp32LanesPerEngine * boostClockMHz * 1e6 / 1e12;
    }
}
