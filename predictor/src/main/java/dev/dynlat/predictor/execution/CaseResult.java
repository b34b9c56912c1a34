package dev.dynlat.predictor.execution;

import dev.dynlat.calibration.network.OutputCheck;
import java.util.List;

/**
 * One validated configuration: its output check at the timed size, its measurement (rounds of
 * the protocol, with the drift reference timed next to each), and its predictions.
 *
 * @param key            configuration label
 * @param group          {@code network-static}, {@code network-dynamic} or the frozen operator class
 * @param batch          images per run
 * @param check          element-wise check of the output before timing (null when not checked)
 * @param roundMediansS  median of each round, seconds
 * @param referenceS     median time of the drift-reference kernel next to each round, seconds
 * @param spread         median over rounds of the relative spread (p75 − p25) / median
 * @param flagged        most rounds stayed over the spread threshold
 * @param predictedS     calibrated prediction, seconds
 * @param rooflineS      roofline baseline (max of peak-FMA compute and DRAM time per operator), seconds
 * @param weightStreamS  the network's weights at the probed DRAM stream rate, seconds: what one inference
 *                       spends at least on streaming them when they do not fit the caches (0 for operators)
 */
public record CaseResult(String key, String group, int batch, OutputCheck check, List<Double> roundMediansS,
                         List<Double> referenceS, double spread, boolean flagged, double predictedS,
                         double rooflineS, double weightStreamS) {
    public CaseResult {
        roundMediansS = List.copyOf(roundMediansS);
        referenceS = List.copyOf(referenceS);
    }

    public CaseResult(String key, String group, int batch, OutputCheck check, List<Double> roundMediansS,
                      List<Double> referenceS, double spread, boolean flagged, double predictedS, double rooflineS) {
        this(key, group, batch, check, roundMediansS, referenceS, spread, flagged, predictedS, rooflineS, 0);
    }

    /** Median of the round medians, seconds (raw, not drift-corrected). */
    public double measuredS() {
        return median(roundMediansS);
    }

    /**
     * Drift-corrected measurement: each round median scaled by (typical reference time / reference
     * time next to it), then the median over rounds.
     */
    public double correctedS(double typicalReferenceS) {
        double[] c = new double[roundMediansS.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = roundMediansS.get(i) * typicalReferenceS / referenceS.get(i);
        }
        return median(c);
    }

    /** Signed error of the prediction in percent of {@code measured}. */
    public static double errorPct(double predicted, double measured) {
        return 100 * (predicted - measured) / measured;
    }

    public boolean checkPassed() {
        return check == null || check.passed();
    }

    static double median(List<Double> v) {
        return median(v.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        int n = s.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
