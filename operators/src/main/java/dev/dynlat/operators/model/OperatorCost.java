package dev.dynlat.operators.model;

/**
 * The predicted cost of one kernel (or of a fused group of kernels), in seconds per batch.
 *
 * @param latencyS total: combined compute and memory time plus launch overhead(s)
 * @param computeS arithmetic time at the chosen tiling
 * @param memoryS DRAM plus on-chip transfer time at the chosen tiling
 * @param launchS launch overhead included in {@code latencyS}
 * @param tiling the chosen tiling ({@link Tiling#NONE} for untiled or composite operators)
 * @param macs multiply-accumulates actually executed (per batch)
 * @param dramBytes bytes moved to and from DRAM (per batch)
 */
public record OperatorCost(double latencyS, double computeS, double memoryS, double launchS, Tiling tiling,
                           double macs, double dramBytes) {

    public static final OperatorCost ZERO = new OperatorCost(0, 0, 0, 0, Tiling.NONE, 0, 0);

    public OperatorCost {
        if (!(latencyS >= 0) || !(computeS >= 0) || !(memoryS >= 0) || !(launchS >= 0)) {
            throw new IllegalStateException("cost model produced an invalid time: latency=" + latencyS
                    + " compute=" + computeS + " memory=" + memoryS + " launch=" + launchS);
        }
    }

    public Bound bound() {
        return Bound.of(computeS, memoryS, launchS);
    }

    /** Sum of two costs (a composite operator); keeps the tiling of {@code this}. */
    public OperatorCost plus(OperatorCost o) {
        return new OperatorCost(latencyS + o.latencyS, computeS + o.computeS, memoryS + o.memoryS,
                launchS + o.launchS, tiling == Tiling.NONE ? o.tiling : tiling, macs + o.macs,
                dramBytes + o.dramBytes);
    }

    /** This cost with {@code n} fewer launches (kernels fused into one). */
    public OperatorCost withoutLaunches(int n, double launchEachS) {
        double cut = n * launchEachS;
        return new OperatorCost(latencyS - cut, computeS, memoryS, Math.max(0, launchS - cut), tiling, macs,
                dramBytes);
    }

    /** This cost scaled by an expected execution count (e.g. a layer gate's probability). */
    public OperatorCost times(double k) {
        return new OperatorCost(latencyS * k, computeS * k, memoryS * k, launchS * k, tiling, macs * k,
                dramBytes * k);
    }

    public double latencyMs() {
        return latencyS * 1e3;
    }
}
