package dev.dynlat.calibration.plan;

import java.util.Objects;

/**
 * A GPU's datasheet peaks, the yardstick a plan is sized against: what one case would take if it ran at
 * the device's full FP32 FMA rate or its full DRAM bandwidth, whichever binds.
 *
 * @param name          which device and which sheet, for messages and documentation
 * @param fp32Tflops    peak FP32 rate, 10^12 floating-point operations per second (an FMA is 2)
 * @param dramGBps      peak DRAM bandwidth, 10^9 bytes per second
 * @param l2CacheMBytes last-level cache, 10^6 bytes (a working set below it is served from L2 when rerun)
 */
public record DevicePeaks(String name, double fp32Tflops, double dramGBps, double l2CacheMBytes) {

    /** NVIDIA H100 SXM5 80 GB (CUDA name "NVIDIA H100 80GB HBM3"): NVIDIA's H100 datasheet, non-tensor FP32. */
    public static final DevicePeaks H100_SXM = new DevicePeaks("NVIDIA H100 80GB HBM3 (datasheet)", 67, 3350, 50);

    public DevicePeaks {
        Objects.requireNonNull(name, "name");
        if (!(fp32Tflops > 0) || !(dramGBps > 0) || !(l2CacheMBytes > 0)) {
            throw new IllegalArgumentException("peaks must be > 0: fp32Tflops = " + fp32Tflops + ", dramGBps = "
                    + dramGBps + ", l2CacheMBytes = " + l2CacheMBytes);
        }
    }

    /** Seconds of {@code work} at the peaks: the larger of its FMA time and its DRAM time (a roofline). */
    public double seconds(PlanWork work) {
        return Math.max(work.flop() / (fp32Tflops * 1e12), work.dramBytes() / (dramGBps * 1e9));
    }
}
