package dev.dynlat.operators.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EfficiencyTest {

    @Test
    void coalescingExamplesOfTheReferenceDocstring() {
        // mem_concurrent_efficiency docstring, LAUDNet DyNetSimulator/hardware_models/utils.py.
        // n=4, concurrent=3: [ddd][dxx] -> 4/6 (independent of the gap).
        assertEquals(4.0 / 6, Efficiency.coalescing(4, 0, 3), 1e-15);
        assertEquals(4.0 / 6, Efficiency.coalescing(4, 100, 3), 1e-15);
        // n=4, interval=2, concurrent=5: [ddddi]i[ddddi]i -> 4/5.
        assertEquals(4.0 / 5, Efficiency.coalescing(4, 2, 5), 1e-15);
        // n=4, interval=2, concurrent=6: [ddddii][ddddii] -> 4/6.
        assertEquals(4.0 / 6, Efficiency.coalescing(4, 2, 6), 1e-15);
    }

    @Test
    void negativeGapsCountAsNoGap() {
        assertEquals(Efficiency.coalescing(4, 0, 8), Efficiency.coalescing(4, -5, 8));
        assertEquals(1.0, Efficiency.coalescing(4, -5, 8));
    }

    @Test
    void coalescingIsAFraction() {
        for (int run = 1; run <= 40; run++) {
            for (int gap = 0; gap <= 40; gap++) {
                double e = Efficiency.coalescing(run, gap, 8);
                assertTrue(e > 0 && e <= 1, "run " + run + " gap " + gap + ": " + e);
            }
        }
        // Contiguous multiples of the transaction waste nothing.
        assertEquals(1.0, Efficiency.coalescing(64, 0, 8));
        assertEquals(1.0, Efficiency.coalescing(64, 17, 8));
    }

    @Test
    void ceilEfficiencyIsTheFilledFraction() {
        assertEquals(1.0, Efficiency.ceilEfficiency(256, 256));
        assertEquals(0.5, Efficiency.ceilEfficiency(128, 256));
        assertEquals(257.0 / 512, Efficiency.ceilEfficiency(257, 256));
        assertEquals(3, Efficiency.ceilDiv(7, 3));
        assertEquals(2, Efficiency.ceilDiv(6, 3));
    }
}
