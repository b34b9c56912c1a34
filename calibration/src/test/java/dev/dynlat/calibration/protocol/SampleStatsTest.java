package dev.dynlat.calibration.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SampleStatsTest {

    @Test
    void quantilesInterpolateLinearlyLikeNumpy() {
        double[] v = {4, 1, 3, 2, 5};
        assertEquals(3.0, SampleStats.median(v), 1e-15);
        assertEquals(2.0, SampleStats.quantile(v, 0.25), 1e-15);
        assertEquals(4.6, SampleStats.quantile(v, 0.9), 1e-12);
        assertEquals(2.5, SampleStats.median(new double[] {1, 2, 3, 4}), 1e-15);
    }

    @Test
    void relativeSpreadIsIqrOverMedianAndIgnoresOneOutlier() {
        double[] v = {1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 50.0};
        assertEquals(0.0, SampleStats.relativeSpread(v), 1e-15);
        assertEquals(2.0 / 3.0, SampleStats.relativeSpread(new double[] {1, 2, 3, 4, 5}), 1e-12);
    }

    @Test
    void rejectsEmptyAndBadQuantile() {
        assertThrows(IllegalArgumentException.class, () -> SampleStats.median(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> SampleStats.quantile(new double[] {1}, 1.5));
    }
}
