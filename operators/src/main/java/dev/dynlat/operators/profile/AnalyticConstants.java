package dev.dynlat.operators.profile;

/**
 * The numbers the analytic (LAUDNet-style) model sees: {@code N} processing engines with {@code P}
 * fp32 lanes at a clock, a DRAM bandwidth, an on-chip (L2) bandwidth as a multiple of it, a memory
 * transaction size and a kernel launch overhead.
 *
 * @param processingEngines engines (SMs or cores) that run tiles in parallel waves
 * @param fp32LanesPerEngine lanes per engine; one MAC per lane per cycle
 * @param clockMHz clock the model assumes
 * @param dramBandwidthGBps DRAM bandwidth, 10^9 bytes per second
 * @param l2BandwidthRatio on-chip bandwidth divided by DRAM bandwidth
 * @param issueDepth independent outputs per lane needed to keep an engine busy (fp32_cycles)
 * @param transactionElements fp32 elements per memory transaction (coalescing granularity)
 * @param launchOverheadUs fixed cost per kernel, microseconds
 * @param defaultBatch batch size used when the user gives none
 * @param latencyMode how compute and memory time combine
 */
public record AnalyticConstants(int processingEngines, double fp32LanesPerEngine, double clockMHz,
                                double dramBandwidthGBps, double l2BandwidthRatio, int issueDepth,
                                int transactionElements, double launchOverheadUs, int defaultBatch,
                                LatencyMode latencyMode) {
}
