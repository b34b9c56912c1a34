package dev.dynlat.calibration.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The speed-reference readings of a run: their median, spread, and when the run counts as unsteady. */
class SpeedReadingsTest {
    private static SpeedReadings readings(double... us) {
        List<Double> s = new ArrayList<>();
        for (double u : us) {
            s.add(u * 1e-6);
        }
        return new SpeedReadings(s);
    }

    @Test
    void aSteadyRunHasAnInterpolatedMedianAndASmallSpread() {
        SpeedReadings r = readings(400, 390, 410, 395, 405);
        assertEquals(400e-6, r.medianS(), 1e-15);
        assertEquals(392e-6, r.quantileS(0.1), 1e-15); // between 390 and 395
        assertFalse(r.unsteady());
        assertTrue(r.describe().startsWith("5 readings: median 400.0 µs"), r.describe());
    }

    @Test
    void aRunWhoseSpeedMovedByMoreThanThirtyPercentIsUnsteady() {
        SpeedReadings r = readings(380, 385, 390, 395, 520, 530, 540, 550, 560, 570);
        assertTrue(r.unsteady(), r.describe());
        assertTrue(r.describe().contains("UNSTEADY"));
    }

    @Test
    void noReadingsDescribeThemselves() {
        assertTrue(Double.isNaN(SpeedReadings.none().medianS()));
        assertEquals("no readings", SpeedReadings.none().describe());
    }
}
