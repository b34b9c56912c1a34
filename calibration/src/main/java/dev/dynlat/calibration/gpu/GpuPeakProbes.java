package dev.dynlat.calibration.gpu;

/**
 * What the GPU probes measured on device 0.
 *
 * @param fmaFlopsPerS      FMA-chain throughput over all SMs, FLOP/s (an FMA is 2 FLOP)
 * @param dramBytesPerS     streaming read bandwidth over a buffer many times the L2, bytes/s
 * @param l2BytesPerS       read bandwidth over a buffer that fits in L2, read many times per launch, bytes/s
 * @param launchGapS        time per empty kernel launched back to back inside a CUDA graph, seconds: the
 *                          fixed cost each kernel of a network adds on the device (included in every timing)
 * @param streamLaunchGapS  the same launched one by one on a stream, seconds (host submit rate included)
 * @param launchSyncS       empty launch followed by a synchronisation, host-side seconds
 * @param dramBufferBytes   buffer size of the DRAM probe, bytes
 * @param l2BufferBytes     buffer size of the L2 probe, bytes
 */
public record GpuPeakProbes(double fmaFlopsPerS, double dramBytesPerS, double l2BytesPerS, double launchGapS,
                            double streamLaunchGapS, double launchSyncS, long dramBufferBytes, long l2BufferBytes) {

    public GpuPeakProbes {
        positive("fmaFlopsPerS", fmaFlopsPerS);
        positive("dramBytesPerS", dramBytesPerS);
        positive("l2BytesPerS", l2BytesPerS);
        positive("launchGapS", launchGapS);
        positive("streamLaunchGapS", streamLaunchGapS);
        positive("launchSyncS", launchSyncS);
        if (dramBufferBytes <= 0 || l2BufferBytes <= 0) {
            throw new IllegalArgumentException("probe buffer sizes must be > 0");
        }
    }

    private static void positive(String field, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(field + " must be finite and > 0, got " + v);
        }
    }
}
