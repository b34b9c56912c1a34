package dev.dynlat.operators.model;

/**
 * The straggler model of channel skipping: output channels are split into tiles that run in
 * parallel, and the tile with the most kept channels decides the time. Given {@code tiles} tiles
 * of {@code tileSize} channels and channels kept independently in groups of {@code groupSize}
 * with probability {@code density}, this returns the expected kept fraction of the fullest tile.
 *
 * <p>The reference predictor estimates this with 100 unseeded random draws; here it is exact:
 * {@code E[max] = Σ_k (1 − F(k−1)^tiles)} for the binomial CDF {@code F}. Deterministic.
 */
public final class TileDensity {
    private record Key(long tiles, int tileSize, double density, int groupSize) {
    }

    /**
     * Results by key: a network's convolutions share channel counts, so a prediction asks for the
     * same keys many times, and a rate sweep or server asks again for each rate. Bounded (at most
     * 16,384 entries, about 1.5 MB), because a long-running server sees ever new rates.
     */
    private static final BoundedMemo<Key, Double> CACHE = new BoundedMemo<>(8192);

    private TileDensity() {
    }

    /**
     * A value {@link #expectedMaxKeptFraction} never goes below for this density, whatever the
     * tiles: the density clamped to [0, 1] (the fullest tile keeps at least the mean fraction).
     * Searches use it to skip the expectation for tilings that cannot win.
     */
    public static double lowerBound(double density) {
        return Math.min(1, Math.max(0, density));
    }

    public static double expectedMaxKeptFraction(long tiles, int tileSize, double density, int groupSize) {
        if (density >= 1) {
            return 1;
        }
        if (density <= 0) {
            return 0;
        }
        return CACHE.get(new Key(tiles, tileSize, density, Math.max(1, groupSize)),
                k -> compute(k.tiles, k.tileSize, k.density, k.groupSize));
    }

    private static double compute(long tiles, int tileSize, double p, int groupSize) {
        double fraction;
        if (groupSize <= 1) {
            fraction = expectedMaxBinomial(tileSize, p, tiles) / tileSize;
        } else if (groupSize % tileSize == 0) {
            // A tile lies inside one group: it is all kept or all skipped; the fullest tile is full
            // as soon as any group touched by the tiles is kept.
            long groups = Efficiency.ceilDiv(tiles * tileSize, groupSize);
            fraction = 1 - Math.pow(1 - p, groups);
        } else {
            // Whole groups per tile (exact when groupSize divides tileSize; otherwise tiles are
            // taken to hold ceil(tileSize / groupSize) groups, an upper bound).
            int groupsPerTile = (int) Efficiency.ceilDiv(tileSize, groupSize);
            fraction = Math.min(1, expectedMaxBinomial(groupsPerTile, p, tiles) * groupSize / tileSize);
        }
        return Math.max(fraction, p);
    }

    /** E[max of {@code m} iid Binomial(n, p)], summed in log space so large n cannot underflow. */
    static double expectedMaxBinomial(int n, double p, long m) {
        double logP = Math.log(p);
        double logQ = Math.log1p(-p);
        double[] pmf = new double[n + 1];
        double logChoose = 0;
        for (int k = 0; k <= n; k++) {
            if (k > 0) {
                logChoose += Math.log((double) (n - k + 1) / k);
            }
            pmf[k] = Math.exp(logChoose + k * logP + (n - k) * logQ);
        }
        double expected = 0;
        double cdf = 0;
        for (int k = 1; k <= n; k++) {
            cdf += pmf[k - 1];
            double below = Math.min(1, cdf);
            expected += 1 - Math.pow(below, m);
        }
        return expected;
    }
}
