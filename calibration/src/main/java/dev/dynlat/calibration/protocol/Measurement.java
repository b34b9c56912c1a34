package dev.dynlat.calibration.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Result of measuring one configuration with {@link MeasurementProtocol}.
 *
 * <p>Every raw sample of every attempt is kept, so a later analysis can re-derive any statistic.
 * The summary statistics describe one attempt, the <em>reported</em> one: the first attempt whose
 * spread was within the threshold, or, when none was ({@code flagged}), the attempt with the
 * smallest spread. Mixing attempts would blend different machine states, so they are not pooled.
 *
 * @param key             caller's label of the configuration
 * @param samplesS        raw timed samples in seconds, one inner list per attempt, in run order
 * @param reportedAttempt index into {@code samplesS} of the attempt the summary describes
 * @param medianS         median of the reported attempt, seconds
 * @param spread          relative spread {@code (p75 - p25) / median} of the reported attempt
 *                        (dimensionless), see {@link SampleStats#relativeSpread(double[])}
 * @param minS            smallest sample of the reported attempt, seconds
 * @param flagged         true when no attempt met the spread threshold; the numbers are then
 *                        the least-noisy attempt and must not be trusted silently
 * @param flagReason      why it was flagged; empty when not flagged
 */
public record Measurement(
        String key,
        List<List<Double>> samplesS,
        int reportedAttempt,
        double medianS,
        double spread,
        double minS,
        boolean flagged,
        String flagReason) {

    public Measurement {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(flagReason, "flagReason");
        if (samplesS == null || samplesS.isEmpty()) {
            throw new IllegalArgumentException("samplesS must hold at least one attempt for key " + key);
        }
        List<List<Double>> copy = new ArrayList<>(samplesS.size());
        for (List<Double> attempt : samplesS) {
            copy.add(List.copyOf(attempt));
        }
        samplesS = List.copyOf(copy);
        if (reportedAttempt < 0 || reportedAttempt >= samplesS.size()) {
            throw new IllegalArgumentException("reportedAttempt " + reportedAttempt
                    + " outside 0.." + (samplesS.size() - 1) + " for key " + key);
        }
        if (flagged == flagReason.isEmpty()) {
            throw new IllegalArgumentException(
                    "flagReason must be non-empty exactly when flagged, key " + key);
        }
    }

    /** Number of attempts that were run. */
    public int attempts() {
        return samplesS.size();
    }

    /** Total number of raw timed samples over all attempts. */
    public int sampleCount() {
        return samplesS.stream().mapToInt(List::size).sum();
    }
}
