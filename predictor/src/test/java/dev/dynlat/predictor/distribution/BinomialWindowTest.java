package dev.dynlat.predictor.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The binomial window against Commons Math's binomial, and its size at the largest batch. */
class BinomialWindowTest {
    private static final double CUTOFF = 1e-9;

    @ParameterizedTest
    @CsvSource({"1, 0.5", "2, 0.001", "40, 0.3", "200, 0.9", "5000, 0.2", "100000, 0.75"})
    void matchesTheBinomialInsideAndNeglectsOnlyWhatItStates(int n, double p) {
        BinomialWindow w = BinomialWindow.of(n, p, CUTOFF);
        BinomialDistribution ref = new BinomialDistribution(null, n, p);
        double[] weights = w.weights();
        double inside = 0;
        for (double v : weights) {
            inside += v;
        }
        double refInside = 0;
        double max = 0;
        for (int k = 0; k <= n; k++) {
            max = Math.max(max, ref.probability(k));
        }
        for (int k = w.lo(); k <= w.hi(); k++) {
            refInside += ref.probability(k);
        }
        for (int k = w.lo(); k <= w.hi(); k++) {
            assertEquals(ref.probability(k) / refInside, weights[k - w.lo()] / inside, 1e-9,
                    "P(" + k + ") of Binomial(" + n + ", " + p + ")");
            assertTrue(ref.probability(k) >= CUTOFF * max * 0.999, "count " + k + " is not negligible");
        }
        if (w.lo() > 0) {
            assertTrue(ref.probability(w.lo() - 1) < CUTOFF * max * 1.001, "the window stops at the cutoff");
        }
        if (w.hi() < n) {
            assertTrue(ref.probability(w.hi() + 1) < CUTOFF * max * 1.001, "the window stops at the cutoff");
        }
        double outside = Math.max(0, 1 - refInside);
        assertTrue(outside <= w.neglectedMass() * refInside + 1e-12,
                "neglected " + outside + " within the stated bound " + w.neglectedMass());
        assertTrue(w.neglectedMass() < 1e-7, "bound " + w.neglectedMass());
    }

    @Test
    void theLargestBatchWalksOnlyItsWindow() {
        BinomialWindow w = BinomialWindow.of(Integer.MAX_VALUE, 0.5, CUTOFF);
        // About 13 standard deviations of sqrt(2^31 / 4) = 23 170 counts.
        assertTrue(w.size() > 200_000 && w.size() < 400_000, "size " + w.size());
        assertTrue(w.lo() <= w.mode() && w.mode() <= w.hi());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.checkCosted("batch"));
        assertEquals("batch: 2147483647 inputs with per-input exits need " + w.size() + " batch sizes costed for the"
                + " batched-runtime expectation; at most 10000 are (use a smaller --batch)", e.getMessage());
    }

    @Test
    void certainAndImpossibleReachAreOneCount() {
        assertEquals(Integer.MAX_VALUE, BinomialWindow.of(Integer.MAX_VALUE, 1, CUTOFF).lo());
        assertEquals(1, BinomialWindow.of(Integer.MAX_VALUE, 1, CUTOFF).size());
        assertEquals(0, BinomialWindow.of(Integer.MAX_VALUE, 0, CUTOFF).hi());
    }
}
