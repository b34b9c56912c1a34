package dev.dynlat.calibration.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dynlat.calibration.kernel.Conv2dKernel;
import dev.dynlat.calibration.kernel.KernelSpec;
import org.junit.jupiter.api.Test;

class CudaBackendTest {
    private final CudaBackend cuda = new CudaBackend();

    private void assumeDevice() {
        assumeTrue(cuda.available(), "no CUDA device (" + cuda.unavailableReason() + ")");
    }

    @Test
    void unavailableBackendExplainsAndThrows() {
        assumeFalse(cuda.available(), "a CUDA device is present");
        String reason = cuda.unavailableReason();
        assertTrue(reason.startsWith("no CUDA device") || reason.equals(CudaBackend.NOT_BUILT)
                || reason.startsWith("cuda backend unavailable"), reason);
        KernelSpec spec = KernelCases.all().get(0);
        assertEquals(reason, assertThrows(BackendException.class, () -> cuda.time(spec, 0, 1)).getMessage());
        assertEquals(reason, assertThrows(BackendException.class, () -> cuda.runOnce(spec, 1)).getMessage());
        assertThrows(BackendException.class, () -> cuda.peakFlops(10));
        assertThrows(BackendException.class, () -> cuda.streamBandwidth(StreamPattern.COPY, 1 << 20, 1));
        assertThrows(BackendException.class, () -> cuda.emptyCallSeconds(10));
    }

    @Test
    void invalidSpecIsRejectedEvenWithoutDevice() {
        assertThrows(IllegalArgumentException.class, () -> cuda.runOnce(new Conv2dKernel(1, 5, 5, 3, 3, 3, 1, 2), 1));
    }

    @Test
    void timingsArePositiveAndFinite() {
        assumeDevice();
        for (KernelSpec spec : KernelCases.all()) {
            for (double s : cuda.time(spec, 1, 3)) {
                assertTrue(s > 0 && Double.isFinite(s), spec + " took " + s + " s");
            }
        }
    }

    @Test
    void probesReturnPlausibleNumbers() {
        assumeDevice();
        double flops = cuda.peakFlops(100_000);
        assertTrue(flops > 1e11 && flops < 1e15, "peak " + flops + " FLOP/s");
        for (StreamPattern p : StreamPattern.values()) {
            double bw = cuda.streamBandwidth(p, 256L << 20, 3);
            assertTrue(bw > 1e10 && bw < 1e13, p + " bandwidth " + bw + " B/s");
        }
        double launch = cuda.emptyCallSeconds(1000);
        assertTrue(launch > 0 && launch < 1e-3, "empty launch " + launch + " s");
    }

    @Test
    void attributesDescribeARealDevice() {
        assumeDevice();
        var a = cuda.attributes();
        assertTrue(!a.name().isBlank() && a.multiprocessors() > 0 && a.computeMajor() >= 7, a.summary());
        assertTrue(a.driverVersion() >= a.runtimeVersion(), a.summary());
        assertTrue(a.theoreticalDramGBps() > 10, a.summary());
    }

    @Test
    void l2IsFasterThanDramAndLaunchGapsAreMicroseconds() {
        assumeDevice();
        var a = cuda.attributes();
        double dram = cuda.streamBandwidth(StreamPattern.READ, Math.max(256L << 20, 8 * a.l2CacheBytes()), 3);
        long l2Bytes = (long) (a.l2CacheBytes() * 0.4) / 16 * 16;
        double l2 = cuda.l2Bandwidth(l2Bytes, (int) Math.max(1, 4e9 / l2Bytes), 3);
        assertTrue(l2 > dram, "L2 " + l2 + " B/s vs DRAM " + dram + " B/s");
        double[] gaps = cuda.launchGapSeconds(500, 3);
        assertTrue(gaps[0] > 0 && gaps[0] < 50e-6, "graph launch gap " + gaps[0] + " s");
        assertTrue(gaps[1] > 0 && gaps[1] < 100e-6, "stream launch gap " + gaps[1] + " s");
    }

    @Test
    void aTinyKernelTimesBelowTheLaunchAndSyncCost() {
        assumeDevice();
        // back-to-back launches in a graph: the figure is kernel time, not the host's round trip
        KernelSpec tiny = new dev.dynlat.calibration.kernel.ElementwiseAddKernel(1, 16, 28, 28);
        double kernel = dev.dynlat.calibration.protocol.SampleStats.median(cuda.time(tiny, 3, 9));
        double launchAndSync = cuda.emptyCallSeconds(500);
        assertTrue(kernel < launchAndSync, "kernel " + kernel + " s vs launch + sync " + launchAndSync + " s");
    }

    @Test
    void gemmComparisonTimesOurKernel() {
        assumeDevice();
        var rows = cuda.compareGemm(java.util.List.of(new int[] {256, 256, 256}), 3);
        assertEquals(1, rows.size());
        assertTrue(rows.get(0).oursS() > 0 && Double.isFinite(rows.get(0).oursS()), rows.toString());
        if (cuda.cublasUnavailableReason().isEmpty()) {
            assertTrue(rows.get(0).cublasS() > 0, rows.toString());
        } else {
            assertTrue(Double.isNaN(rows.get(0).cublasS()), rows.toString());
        }
    }
}
