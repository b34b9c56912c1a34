package dev.dynlat.calibration.suite;

import dev.dynlat.calibration.protocol.Measurement;
import java.util.Locale;

/** Formats one progress line: {@code [ 37/120] conv 3x3 64->64 28x28 b1 ... 0.412 ms ±2.1%}. */
public final class ProgressLine {
    private ProgressLine() {
    }

    public static String format(int done, int total, String label, Measurement m) {
        int width = Integer.toString(total).length();
        String line = String.format(Locale.ROOT, "[%" + width + "d/%d] %s ... %.3f ms ±%.1f%%", done, total, label,
                m.medianS() * 1e3, m.spread() * 100);
        return m.flagged() ? line + " (noisy, flagged)" : line;
    }
}
