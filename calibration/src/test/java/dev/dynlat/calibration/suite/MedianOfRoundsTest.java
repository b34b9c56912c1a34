package dev.dynlat.calibration.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.calibration.protocol.Measurement;
import java.util.List;
import org.junit.jupiter.api.Test;

class MedianOfRoundsTest {
    private static Measurement round(double median, double spread, boolean flagged) {
        return new Measurement("k", List.of(List.of(median * 0.99, median, median * 1.01)), 0, median, spread,
                median * 0.99, flagged, flagged ? "noisy" : "");
    }

    @Test
    void keepsTheMedianRoundAndEverySample() {
        Measurement m = SuiteMeasurer.medianOfRounds("k", List.of(round(1e-3, 0.02, false), round(5e-3, 0.30, true),
                round(2e-3, 0.04, false)));
        assertEquals(2e-3, m.medianS(), 0, "an outlying round does not move the result");
        assertEquals(0.04, m.spread(), 1e-12);
        assertEquals(9, m.sampleCount());
        assertEquals(2e-3, m.samplesS().get(m.reportedAttempt()).get(1), 0);
        assertFalse(m.flagged(), "one noisy round of three is outvoted");
        assertEquals(0.99e-3, m.minS(), 1e-15);
    }

    @Test
    void flaggedWhenMostRoundsWereNoisy() {
        Measurement m = SuiteMeasurer.medianOfRounds("k", List.of(round(1e-3, 0.3, true), round(1e-3, 0.3, true),
                round(1e-3, 0.02, false)));
        assertTrue(m.flagged());
        assertTrue(m.flagReason().contains("2 of 3 rounds"), m.flagReason());
    }
}
