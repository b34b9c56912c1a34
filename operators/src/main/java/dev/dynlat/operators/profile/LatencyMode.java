package dev.dynlat.operators.profile;

/**
 * How an operator's compute time and memory time combine: {@code ADD} assumes no overlap (the
 * LAUDNet reference uses it everywhere), {@code MAX} assumes perfect overlap.
 */
public enum LatencyMode {
    ADD, MAX;

    /** Combines compute and memory seconds. */
    public double combine(double computeS, double memoryS) {
        return this == ADD ? computeS + memoryS : Math.max(computeS, memoryS);
    }
}
