package dev.dynlat.calibration.protocol;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Deterministic fake backend: returns pre-scripted sample batches, one per call. */
final class ScriptedTimer implements TimedRun {
    private final Deque<double[]> batches = new ArrayDeque<>();
    final List<int[]> calls = new ArrayList<>();

    ScriptedTimer(double[]... batches) {
        for (double[] b : batches) {
            this.batches.add(b);
        }
    }

    @Override
    public double[] run(int warmupRuns, int timedRuns) {
        calls.add(new int[] {warmupRuns, timedRuns});
        if (batches.isEmpty()) {
            throw new AssertionError("timer called more often than scripted");
        }
        return batches.poll().clone();
    }

    /** {@code n} samples around {@code center} seconds with relative IQR about {@code relSpread}. */
    static double[] batch(int n, double center, double relSpread) {
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            // evenly spread over [center*(1-relSpread), center*(1+relSpread)]: IQR ~ relSpread*center
            double t = n == 1 ? 0 : (2.0 * i / (n - 1)) - 1.0;
            s[i] = center * (1 + relSpread * t);
        }
        return s;
    }
}
