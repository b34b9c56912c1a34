package dev.dynlat.operators.model;

/**
 * Keeps the fastest candidate of an exhaustive tile search. Ties keep the first candidate, so
 * the result is deterministic for a fixed enumeration order.
 */
public final class BestTiling {
    private double latencyS = Double.POSITIVE_INFINITY;
    private double computeS;
    private double memoryS;
    private int channelTile;
    private int rowTile;
    private int colTile;
    private int patches;
    private long tiles;

    /** Offers a candidate; returns true when it became the best. */
    public boolean offer(double latency, double compute, double memory, int c, int h, int w, int p, double n) {
        if (latency < latencyS) {
            latencyS = latency;
            computeS = compute;
            memoryS = memory;
            channelTile = c;
            rowTile = h;
            colTile = w;
            patches = p;
            tiles = (long) n; // saturates at Long.MAX_VALUE: the count is only reported
            return true;
        }
        return false;
    }

    public boolean found() {
        return latencyS != Double.POSITIVE_INFINITY;
    }

    public double latencyS() {
        return latencyS;
    }

    public double computeS() {
        return computeS;
    }

    public double memoryS() {
        return memoryS;
    }

    public Tiling tiling() {
        return new Tiling(channelTile, rowTile, colTile, patches, tiles);
    }
}
