package dev.dynlat.calibration.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorStatsTest {

    @Test
    void computesApeStatisticsInPercent() {
        // APEs: 10, 20, 0, 50, 5 (percent)
        List<Prediction> ps = List.of(
                new Prediction("a", "conv", 1.1, 1.0),
                new Prediction("b", "conv", 0.8, 1.0),
                new Prediction("c", "gather", 2.0, 2.0),
                new Prediction("d", "gather", 3.0, 2.0),
                new Prediction("e", "gather", 0.95, 1.0));
        ErrorStats s = ErrorStats.of(ps);
        assertEquals(5, s.count());
        assertEquals(10.0, s.medianApePct(), 1e-9);
        assertEquals(17.0, s.meanApePct(), 1e-9);
        assertEquals(38.0, s.p90ApePct(), 1e-9); // sorted 0,5,10,20,50: pos 3.6 -> 20 + 0.6*30
        assertEquals(50.0, s.maxApePct(), 1e-9);

        GroupedErrorStats g = GroupedErrorStats.of(ps);
        assertEquals(s, g.overall());
        assertEquals(List.of("conv", "gather"), List.copyOf(g.byGroup().keySet()));
        assertEquals(15.0, g.byGroup().get("conv").medianApePct(), 1e-9);
        assertEquals(5.0, g.byGroup().get("gather").medianApePct(), 1e-9);
    }

    @Test
    void emptyListGivesCountZeroAndNaN() {
        ErrorStats s = ErrorStats.of(List.of());
        assertEquals(0, s.count());
        assertTrue(Double.isNaN(s.medianApePct()));
        assertTrue(GroupedErrorStats.of(List.of()).byGroup().isEmpty());
    }

    @Test
    void predictionsMustBePositiveAndFinite() {
        assertThrows(IllegalArgumentException.class, () -> new Prediction("k", "g", 0.0, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new Prediction("k", "g", 1.0, Double.NaN));
    }
}
