package dev.dynlat.calibration.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dynlat.calibration.protocol.Measurement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpeedCorrectionTest {
    private static Measurement at(double median) {
        return new Measurement("k", List.of(List.of(median)), 0, median, 0, median, false, "");
    }

    @Test
    void roundsMeasuredWhileTheMachineWasSlowAreScaledBack() {
        // Case a: three rounds, the second on a machine 1.5x slower (its reference too).
        // Case b: steady. Typical reference: median of all reference times = 1.0.
        Map<String, List<Measurement>> rounds = Map.of(
                "a", List.of(at(2.0), at(3.0), at(2.0)),
                "b", List.of(at(4.0), at(4.0), at(4.0)));
        Map<String, List<Double>> refs = Map.of("a", List.of(1.0, 1.5, 1.0), "b", List.of(1.0, 1.0, 1.0));
        Map<String, Measurement> combined = Map.of("a", at(2.0), "b", at(4.0));
        Map<String, Double> f = SuiteMeasurer.speedCorrection(rounds, refs, combined);
        assertEquals(1.0, f.get("a"), 1e-12, "the slow round, scaled back, agrees with the others");
        assertEquals(1.0, f.get("b"), 1e-12);

        // All rounds of case a slow while b and c were not: a is corrected to the typical speed.
        rounds = Map.of("a", List.of(at(3.0), at(3.0), at(3.0)), "b", List.of(at(4.0), at(4.0), at(4.0)),
                "c", List.of(at(5.0), at(5.0), at(5.0)));
        refs = Map.of("a", List.of(1.5, 1.5, 1.5), "b", List.of(1.0, 1.0, 1.0), "c", List.of(1.0, 1.0, 1.0));
        f = SuiteMeasurer.speedCorrection(rounds, refs, Map.of("a", at(3.0), "b", at(4.0), "c", at(5.0)));
        assertEquals(1.0 / 1.5, f.get("a"), 1e-12);
    }
}
