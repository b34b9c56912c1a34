package dev.dynlat.predictor.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class BestOptionTest {
    private record Point(String option, double latencyMs) {
    }

    private static String best(List<Point> points) {
        return BestOption.of(points, Point::latencyMs, Point::option).option();
    }

    @Test
    void theLeastLatencyWinsAndATieGoesToTheSmallerOptionWhateverTheOrder() {
        List<Point> points = new ArrayList<>(List.of(new Point("8-4-4-7", 1.0), new Point("10-1-1-1", 1.0),
                new Point("2-8-8-8", 1.0), new Point("1-1-1-1", 1.5)));
        for (int shuffle = 0; shuffle < 8; shuffle++) {
            Collections.shuffle(points, new java.util.Random(shuffle));
            assertEquals("2-8-8-8", best(points), "2 before 8 before 10, by value: " + points);
        }
        assertEquals("1-1-1-1", best(List.of(new Point("2-2", 0.9), new Point("1-1-1-1", 0.5))));
        assertEquals("layer", best(List.of(new Point("layer", 2.0))));
    }

    @Test
    void noCandidatesIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> best(List.of()));
    }
}
