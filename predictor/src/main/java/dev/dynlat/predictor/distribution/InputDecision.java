package dev.dynlat.predictor.distribution;

/**
 * What one input does: the exit it leaves at (0-based; 0 for a network without exits) and the
 * decided blocks it runs ({@code keep}, in the policy's order; null when the network has no
 * policy or every block runs).
 */
public record InputDecision(int exit, boolean[] keep) {
    public InputDecision {
        keep = keep == null ? null : keep.clone();
    }

    @Override
    public boolean[] keep() {
        return keep == null ? null : keep.clone();
    }

    /** Whether the input runs decided block {@code d}. */
    public boolean keeps(int d) {
        return keep == null || keep[d];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InputDecision i && i.exit == exit && java.util.Arrays.equals(i.keep, keep);
    }

    @Override
    public int hashCode() {
        return exit * 31 + java.util.Arrays.hashCode(keep);
    }

    @Override
    public String toString() {
        return "InputDecision[exit=" + exit + ", keep=" + java.util.Arrays.toString(keep) + "]";
    }
}
