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
}
