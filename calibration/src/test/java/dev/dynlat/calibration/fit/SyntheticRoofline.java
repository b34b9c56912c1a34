package dev.dynlat.calibration.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic test model and data: {@code t = overhead + flops/peak + bytes/bandwidth}. Used only
 * to test the fitting code against known parameters, never to report accuracy.
 */
final class SyntheticRoofline implements ParametricModel<SyntheticRoofline.Work> {

    record Work(double flops, double bytes) { }

    static final double TRUE_OVERHEAD_S = 5e-6;
    static final double TRUE_PEAK_FLOPS = 1.5e13;
    static final double TRUE_BANDWIDTH_BPS = 8e11;

    private final List<ParameterSpec> specs;

    SyntheticRoofline(double peakUpperBound) {
        specs = List.of(
                new ParameterSpec("overheadS", "s", 2e-5, 1e-8, 1e-3),
                new ParameterSpec("peakFlops", "FLOP/s", 2e12, 1e9, peakUpperBound),
                ParameterSpec.positive("bandwidthBps", "B/s", 1e11));
    }

    SyntheticRoofline() {
        this(1e16);
    }

    @Override
    public List<ParameterSpec> parameters() {
        return specs;
    }

    @Override
    public double predictSeconds(double[] p, Work w) {
        return p[0] + w.flops() / p[1] + w.bytes() / p[2];
    }

    static double trueSeconds(Work w) {
        return TRUE_OVERHEAD_S + w.flops() / TRUE_PEAK_FLOPS + w.bytes() / TRUE_BANDWIDTH_BPS;
    }

    /** Three groups, each dominated by a different term, with seeded multiplicative noise. */
    static List<Observation<Work>> observations(long seed, int perGroup, double noiseSigma) {
        Random rnd = new Random(seed);
        List<Observation<Work>> out = new ArrayList<>();
        for (int i = 0; i < perGroup; i++) {
            out.add(obs(rnd, "conv", i, new Work(logUniform(rnd, 1e8, 1e11), logUniform(rnd, 1e5, 1e7)), noiseSigma));
            out.add(obs(rnd, "gather", i, new Work(logUniform(rnd, 1e5, 1e7), logUniform(rnd, 1e6, 1e9)), noiseSigma));
            out.add(obs(rnd, "tiny", i, new Work(logUniform(rnd, 1e3, 1e6), logUniform(rnd, 1e3, 1e6)), noiseSigma));
        }
        return out;
    }

    private static Observation<Work> obs(Random rnd, String group, int i, Work w, double sigma) {
        double measured = trueSeconds(w) * Math.exp(sigma * rnd.nextGaussian());
        return new Observation<>(group + "/" + i, group, w, measured, 0.02);
    }

    private static double logUniform(Random rnd, double lo, double hi) {
        return Math.exp(Math.log(lo) + rnd.nextDouble() * (Math.log(hi) - Math.log(lo)));
    }
}
