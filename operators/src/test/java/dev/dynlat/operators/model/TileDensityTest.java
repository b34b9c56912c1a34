package dev.dynlat.operators.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TileDensityTest {

    /**
     * Exact E[max over tiles of the kept fraction] by enumerating every keep mask of the
     * {@code ceil(tiles·tileSize / group)} channel groups (channels are kept group-wise).
     */
    private static double bruteForce(int tiles, int tileSize, double p, int group) {
        int channels = tiles * tileSize;
        int groups = (channels + group - 1) / group;
        double expected = 0;
        for (int mask = 0; mask < (1 << groups); mask++) {
            int kept = Integer.bitCount(mask);
            double probability = Math.pow(p, kept) * Math.pow(1 - p, groups - kept);
            int best = 0;
            for (int t = 0; t < tiles; t++) {
                int n = 0;
                for (int c = t * tileSize; c < (t + 1) * tileSize; c++) {
                    if ((mask >> (c / group) & 1) != 0) {
                        n++;
                    }
                }
                best = Math.max(best, n);
            }
            expected += probability * best / tileSize;
        }
        return expected;
    }

    private static double monteCarlo(int tiles, int tileSize, double p, int group, int trials, long seed) {
        Random r = new Random(seed);
        int channels = tiles * tileSize;
        int groups = (channels + group - 1) / group;
        boolean[] keep = new boolean[groups];
        double sum = 0;
        for (int i = 0; i < trials; i++) {
            for (int g = 0; g < groups; g++) {
                keep[g] = r.nextDouble() < p;
            }
            int best = 0;
            for (int t = 0; t < tiles; t++) {
                int n = 0;
                for (int c = t * tileSize; c < (t + 1) * tileSize; c++) {
                    if (keep[c / group]) {
                        n++;
                    }
                }
                best = Math.max(best, n);
            }
            sum += (double) best / tileSize;
        }
        return sum / trials;
    }

    @Test
    void threeTilesOfFourChannelsMatchesEnumerationOfAll4096Masks() {
        assertEquals(bruteForce(3, 4, 0.3, 1), TileDensity.expectedMaxKeptFraction(3, 4, 0.3, 1), 1e-12);
    }

    @Test
    void smallCasesMatchExactEnumeration() {
        double[] rates = {0.05, 0.3, 0.5, 0.77, 0.95};
        int[][] cases = {{3, 4, 1}, {2, 5, 1}, {4, 3, 1}, {1, 7, 1}, {3, 4, 2}, {2, 6, 3}, {5, 2, 2}, {3, 4, 4},
            {3, 4, 8}, {4, 2, 4}, {2, 3, 6}};
        for (int[] c : cases) {
            for (double p : rates) {
                assertEquals(bruteForce(c[0], c[1], p, c[2]), TileDensity.expectedMaxKeptFraction(c[0], c[1], p, c[2]),
                        1e-12, "tiles=" + c[0] + " tileSize=" + c[1] + " group=" + c[2] + " p=" + p);
            }
        }
    }

    @Test
    void groupsThatStraddleTilesGiveAnUpperBound() {
        // group does not divide the tile and the tile does not divide the group: documented as
        // an upper bound of the exact expectation.
        double[] rates = {0.1, 0.3, 0.6, 0.9};
        int[][] cases = {{3, 4, 3}, {4, 3, 2}, {2, 5, 3}, {3, 6, 4}};
        for (int[] c : cases) {
            for (double p : rates) {
                double exact = bruteForce(c[0], c[1], p, c[2]);
                double got = TileDensity.expectedMaxKeptFraction(c[0], c[1], p, c[2]);
                assertTrue(got >= exact - 1e-12, "tiles=" + c[0] + " tileSize=" + c[1] + " group=" + c[2] + " p=" + p
                        + ": " + got + " < exact " + exact);
                assertTrue(got <= 1);
            }
        }
    }

    @Test
    void largerCasesMatchASeededMonteCarloWithinOnePercent() {
        int[][] cases = {{16, 32, 1}, {64, 8, 1}, {8, 16, 4}, {32, 64, 16}};
        double[] rates = {0.2, 0.4, 0.7};
        long seed = 11;
        for (int[] c : cases) {
            for (double p : rates) {
                double mc = monteCarlo(c[0], c[1], p, c[2], 20_000, seed++);
                double got = TileDensity.expectedMaxKeptFraction(c[0], c[1], p, c[2]);
                assertEquals(mc, got, 0.01 * mc, "tiles=" + c[0] + " tileSize=" + c[1] + " group=" + c[2] + " p=" + p);
            }
        }
    }

    @Test
    void boundsAndEndpoints() {
        int[][] cases = {{1, 1, 1}, {3, 4, 1}, {100, 64, 1}, {7, 32, 8}, {2, 16, 32}, {5, 12, 5}, {1000, 512, 1}};
        for (int[] c : cases) {
            assertEquals(0.0, TileDensity.expectedMaxKeptFraction(c[0], c[1], 0, c[2]));
            assertEquals(1.0, TileDensity.expectedMaxKeptFraction(c[0], c[1], 1, c[2]));
            double previous = 0;
            for (int i = 1; i < 100; i++) {
                double p = i / 100.0;
                double f = TileDensity.expectedMaxKeptFraction(c[0], c[1], p, c[2]);
                assertTrue(f >= p && f <= 1, "out of [p, 1] at p=" + p + ": " + f);
                assertTrue(f >= previous - 1e-12, "not monotone in p at " + p);
                previous = f;
            }
        }
    }

    @Test
    void oneTileOfOneChannelIsJustTheRate() {
        for (double p : new double[] {0.01, 0.33, 0.5, 0.99}) {
            assertEquals(p, TileDensity.expectedMaxKeptFraction(1, 1, p, 1), 1e-15);
        }
    }
}
