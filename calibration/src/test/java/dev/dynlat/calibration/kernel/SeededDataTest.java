package dev.dynlat.calibration.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SeededDataTest {

    @Test
    void deterministicAndIndexAddressable() {
        float[] a = SeededData.values(7, 1, 100);
        assertArrayEquals(a, SeededData.values(7, 1, 100));
        assertEquals(a[37], SeededData.value(7, 1, 37));
        assertFalse(Arrays.equals(a, SeededData.values(8, 1, 100)));
        assertFalse(Arrays.equals(a, SeededData.values(7, 2, 100)));
    }

    @Test
    void valuesAreExactMultiplesInRange() {
        double sum = 0;
        for (float v : SeededData.values(3, 0, 10_000)) {
            assertTrue(v >= -1f && v < 1f, "value " + v);
            assertEquals(v, Math.scalb(Math.rint(Math.scalb(v, 23)), -23), 0.0);
            sum += v;
        }
        assertEquals(0.0, sum / 10_000, 0.05, "mean should be near zero");
    }
}
