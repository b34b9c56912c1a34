package dev.dynlat.predictor.dynamic;

import java.util.Arrays;

/**
 * The dynamic behaviour of one stage: whether it is dynamic at all, its spatial granularity S
 * (spatial paradigm), its channel group size G (channel paradigm), and one activation rate per
 * block (the fraction of patches / channels kept, or the probability that the block runs).
 */
public record StageDynamics(boolean dynamic, int granularity, int channelGroup, double[] rates) {
    public StageDynamics {
        rates = rates.clone();
    }

    public static StageDynamics staticStage(int blocks) {
        double[] ones = new double[blocks];
        Arrays.fill(ones, 1.0);
        return new StageDynamics(false, 1, 1, ones);
    }

    public double rate(int block) {
        return rates[block];
    }

    @Override
    public double[] rates() {
        return rates.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StageDynamics s && s.dynamic == dynamic && s.granularity == granularity
                && s.channelGroup == channelGroup && Arrays.equals(s.rates, rates);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(rates) * 31 + granularity * 7 + channelGroup + (dynamic ? 1 : 0);
    }

    @Override
    public String toString() {
        return "StageDynamics[dynamic=" + dynamic + ", granularity=" + granularity + ", channelGroup="
                + channelGroup + ", rates=" + Arrays.toString(rates) + "]";
    }
}
