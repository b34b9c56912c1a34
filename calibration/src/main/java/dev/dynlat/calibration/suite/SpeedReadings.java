package dev.dynlat.calibration.suite;

import java.util.List;
import java.util.Locale;

/**
 * Every reading of the {@link SpeedReference} kernel over one run (calibration or validation),
 * seconds: their median is the speed the run's corrected figures describe, their spread says how
 * steady the machine was while it ran.
 */
public record SpeedReadings(List<Double> seconds) {
    /** p90 / p10 above which a run is called unsteady: the machine's speed moved by over 30 %. */
    public static final double UNSTEADY_RATIO = 1.3;

    public SpeedReadings {
        seconds = List.copyOf(seconds);
    }

    public static SpeedReadings none() {
        return new SpeedReadings(List.of());
    }

    /** Quantile {@code q} in [0, 1] by linear interpolation, seconds; NaN without readings. */
    public double quantileS(double q) {
        if (seconds.isEmpty()) {
            return Double.NaN;
        }
        double[] s = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double pos = q * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(s.length - 1, lo + 1);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }

    public double medianS() {
        return quantileS(0.5);
    }

    /** p90 / p10 of the readings; NaN without readings. */
    public double spreadRatio() {
        return quantileS(0.9) / quantileS(0.1);
    }

    /** Whether the machine's speed moved by more than {@link #UNSTEADY_RATIO} (p90 / p10) during the run. */
    public boolean unsteady() {
        return spreadRatio() > UNSTEADY_RATIO;
    }

    /** One line for reports, e.g. "1335 readings: median 393.9 µs, p10 380.2, p90 431.0 µs (p90/p10 1.13)". */
    public String describe() {
        if (seconds.isEmpty()) {
            return "no readings";
        }
        return String.format(Locale.ROOT, "%d readings: median %.1f µs, p10 %.1f, p90 %.1f µs (p90/p10 %.2f)%s",
                seconds.size(), medianS() * 1e6, quantileS(0.1) * 1e6, quantileS(0.9) * 1e6, spreadRatio(),
                unsteady() ? "; UNSTEADY: the machine's speed moved by more than " + Math.round(100 * (UNSTEADY_RATIO - 1))
                        + "% during the run, so its figures are less reliable; repeat on a quieter machine" : "");
    }

    @Override
    public String toString() {
        return describe();
    }
}
