package dev.dynlat.operators.cost;

/**
 * The tile-size candidates a search enumerates for an extent, in its order: ties between equally
 * fast tilings keep the first candidate, so the order is part of a variant's result. A knob that
 * the shared tile searches take as an argument.
 */
@FunctionalInterface
public interface TileOrder {
    /** Candidate tile sizes (elements along one dimension) for an extent, in enumeration order. */
    int[] tileSizes(int extent);
}
