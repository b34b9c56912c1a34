package dev.dynlat.calibration.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.calibration.kernel.Conv2dKernel;
import dev.dynlat.calibration.kernel.GatherKernel;
import dev.dynlat.calibration.kernel.KernelSpec;
import org.junit.jupiter.api.Test;

class CpuBackendTest {
    private final CpuBackend cpu = new CpuBackend();

    @Test
    void isAvailable() {
        assertTrue(cpu.available(), cpu.unavailableReason());
        assertEquals("", cpu.unavailableReason());
        assertTrue(cpu.deviceDescription().startsWith("cpu x86-64-v"), cpu.deviceDescription());
    }

    @Test
    void timingsArePositiveAndFinite() {
        for (KernelSpec spec : KernelCases.all()) {
            double[] t = cpu.time(spec, 1, 3);
            assertEquals(3, t.length);
            for (double s : t) {
                assertTrue(s > 0 && Double.isFinite(s), spec + " took " + s + " s");
            }
        }
    }

    @Test
    void pointwiseConvRunsAtAReasonableRate() {
        Conv2dKernel conv = new Conv2dKernel(1, 256, 256, 14, 14, 1, 1, 1);
        double best = Double.POSITIVE_INFINITY;
        for (double s : cpu.time(conv, 3, 20)) {
            best = Math.min(best, s);
        }
        double gflops = conv.flops() / best / 1e9;
        System.out.printf("cpu 1x1 conv 256->256 @14x14: %.1f GFLOP/s%n", gflops);
        // loose bound (shared CI machines): a naive triple loop would sit far below this
        assertTrue(gflops > 2, "1x1 conv 256->256 @14x14: " + gflops + " GFLOP/s");
    }

    @Test
    void sameSeedSameOutput() {
        KernelSpec spec = KernelCases.all().get(0);
        float[] a = cpu.runOnce(spec, 5);
        float[] b = cpu.runOnce(spec, 5);
        float[] c = cpu.runOnce(spec, 6);
        assertEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(b));
        assertTrue(!java.util.Arrays.equals(a, c));
    }

    @Test
    void invalidSpecsAreRejectedBeforeNativeCode() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> cpu.runOnce(new GatherKernel(1, 3, 7, 7, 3, 1, new int[] {0, 12}), 1));
        assertTrue(e.getMessage().contains("activePatches[1] = 12"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> cpu.time(KernelCases.all().get(0), -1, 3));
        assertThrows(IllegalArgumentException.class, () -> cpu.time(KernelCases.all().get(0), 0, 0));
        assertThrows(NullPointerException.class, () -> cpu.time(null, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> cpu.streamBandwidth(StreamPattern.READ, 8, 1));
        assertThrows(IllegalArgumentException.class, () -> cpu.peakFlops(0));
    }

    @Test
    void nativeSideRejectsInconsistentDescriptions() {
        // bypasses the Java checks on purpose: native code must refuse rather than write out of bounds
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CpuNative.runOnce(3, new int[] {1, 3, 7, 7, 3, 1}, new int[] {0, 99}, new int[0], 1));
        assertTrue(e.getMessage().contains("activePatches"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> CpuNative.runOnce(1, new int[] {1, 2, 3}, new int[0], new int[0], 1));
    }

    @Test
    void probesReturnPlausibleNumbers() {
        double flops = cpu.peakFlops(2_000_000);
        assertTrue(flops > 1e9 && flops < 1e14, "peak " + flops + " FLOP/s");
        for (StreamPattern p : StreamPattern.values()) {
            double bw = cpu.streamBandwidth(p, 64L << 20, 3);
            assertTrue(bw > 1e8 && bw < 1e13, p + " bandwidth " + bw + " B/s");
        }
        double call = cpu.emptyCallSeconds(200_000);
        System.out.printf("cpu probes: %s; FMA %.1f GFLOP/s; read %.1f, write %.1f, copy %.1f GB/s; call %.3f us%n",
                cpu.deviceDescription(), flops / 1e9, cpu.streamBandwidth(StreamPattern.READ, 64L << 20, 3) / 1e9,
                cpu.streamBandwidth(StreamPattern.WRITE, 64L << 20, 3) / 1e9,
                cpu.streamBandwidth(StreamPattern.COPY, 64L << 20, 3) / 1e9, call * 1e6);
        assertTrue(call > 0 && call < 1e-4, "empty call " + call + " s");
    }
}
