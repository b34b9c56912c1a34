package dev.dynlat.predictor.engine;

import java.util.Arrays;

/**
 * The latency of one batch as a function of its inputs' decisions, from one costing of the
 * network at one batch size. Operators are summed into what decides whether they run: the
 * segment they belong to (segment s runs for inputs that leave at exit s or later; without exits
 * there is one segment) and, for a policy-decided block, its residual branch. Everything is in
 * milliseconds per batch at {@link #batch} samples.
 *
 * @param batch the batch size the costs are for
 * @param segmentMs always-running latency of each segment (exits + 1 entries with exits: the last
 *                  is what follows the last exit, which no input runs; 1 entry without exits)
 * @param branchMs latency of each decided block's residual branch, in decision order
 * @param branchSegment the segment of each decided block
 */
public record PathCosts(int batch, double[] segmentMs, double[] branchMs, int[] branchSegment) {
    public PathCosts {
        segmentMs = segmentMs.clone();
        branchMs = branchMs.clone();
        branchSegment = branchSegment.clone();
    }

    /** Number of exits (0 without early exits). */
    public int exits() {
        return segmentMs.length - 1;
    }

    public int decisions() {
        return branchMs.length;
    }

    /** The last exit index an input may take (0 without exits: "runs to the end"). */
    public int lastExit() {
        return Math.max(exits() - 1, 0);
    }

    public double segmentMs(int s) {
        return segmentMs[s];
    }

    public double branchMs(int d) {
        return branchMs[d];
    }

    public int branchSegment(int d) {
        return branchSegment[d];
    }

    /**
     * Latency of a batch whose inputs all leave at exit {@code exit} (0 without exits) and run the
     * decided blocks {@code keep} marks (null: all of them).
     */
    public double latencyMs(int exit, boolean[] keep) {
        int last = exits() == 0 ? 0 : exit;
        double sum = 0;
        for (int s = 0; s <= last; s++) {
            sum += segmentMs[s];
        }
        for (int d = 0; d < branchMs.length; d++) {
            if (branchSegment[d] <= last && (keep == null || keep[d])) {
                sum += branchMs[d];
            }
        }
        return sum;
    }

    /** Latency up to and including each exit with every decided block run (one entry without exits). */
    public double[] cumulativeMs() {
        double[] out = new double[Math.max(exits(), 1)];
        for (int e = 0; e < out.length; e++) {
            out[e] = latencyMs(e, null);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PathCosts p && p.batch == batch && Arrays.equals(p.segmentMs, segmentMs)
                && Arrays.equals(p.branchMs, branchMs) && Arrays.equals(p.branchSegment, branchSegment);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(segmentMs) * 31 + Arrays.hashCode(branchMs) + batch;
    }

    @Override
    public String toString() {
        return "PathCosts[batch=" + batch + ", segmentMs=" + Arrays.toString(segmentMs) + ", branchMs="
                + Arrays.toString(branchMs) + "]";
    }
}
