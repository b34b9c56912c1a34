package dev.dynlat.calibration.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterTransformTest {

    private static final double INF = Double.POSITIVE_INFINITY;

    private static final List<ParameterSpec> SPECS = List.of(
            new ParameterSpec("logLogistic", "FLOP/s", 3e12, 1e9, 1e15),
            new ParameterSpec("logShifted", "B/s", 5e11, 1e9, INF),
            new ParameterSpec("log", "s", 2e-6, 0, INF),
            new ParameterSpec("logistic", "1", 0.3, -1, 1),
            new ParameterSpec("lowerExp", "1", 4, -2, INF),
            new ParameterSpec("upperExp", "1", -4, -INF, 2),
            new ParameterSpec("free", "1", -7, -INF, INF));

    @Test
    void roundTripsInitialValues() {
        for (ParameterSpec s : SPECS) {
            ParameterTransform t = new ParameterTransform(s);
            double back = t.toExternal(t.toInternal(s.initial()));
            assertEquals(s.initial(), back, 1e-9 * Math.abs(s.initial()), s.name());
        }
    }

    @Test
    void anyInternalValueMapsInsideTheBounds() {
        for (ParameterSpec s : SPECS) {
            ParameterTransform t = new ParameterTransform(s);
            for (double u : new double[] {-1e6, -800, -40, -1, 0, 1, 40, 800, 1e6}) {
                double p = t.toExternal(u);
                assertTrue(p >= s.lower() && p <= s.upper(), s.name() + " u=" + u + " p=" + p);
            }
        }
    }

    @Test
    void specRejectsInitialOnOrOutsideBounds() {
        assertThrows(IllegalArgumentException.class, () -> new ParameterSpec("x", "s", 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new ParameterSpec("x", "s", 2, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new ParameterSpec("x", "s", 0.5, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new ParameterSpec(" ", "s", 0.5, 0, 1));
    }
}
