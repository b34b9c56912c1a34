package dev.dynlat.predictor.sweep;

/**
 * Fast, locale-independent text for sweep numbers: six significant digits, no exponent,
 * trailing zeros dropped ({@code 183.097}, {@code 0.5}, {@code 12}). Sweeps write millions of
 * them, so this avoids {@code BigDecimal}; the result depends only on the value, so outputs stay
 * byte-identical from run to run.
 */
final class RowNumbers {
    private static final int DIGITS = 6;
    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private RowNumbers() {
    }

    static void append(StringBuilder sb, double v) {
        if (v == 0) {
            sb.append('0');
            return;
        }
        if (!Double.isFinite(v)) {
            throw new IllegalStateException("sweep produced a non-finite value: " + v);
        }
        if (v < 0) {
            sb.append('-');
            v = -v;
        }
        int exponent = (int) Math.floor(Math.log10(v));
        int places = DIGITS - 1 - exponent;
        if (places < 0 || places > 17 || v >= 1e15) {
            // Outside the fast range (huge or tiny): exact shortest text, still deterministic.
            sb.append(new java.math.BigDecimal(v).round(new java.math.MathContext(DIGITS)).stripTrailingZeros()
                    .toPlainString());
            return;
        }
        long scaled = Math.round(v * POW10[places]);
        long whole = scaled / POW10[places];
        long frac = scaled % POW10[places];
        sb.append(whole);
        if (frac == 0) {
            return;
        }
        int width = places;
        while (frac % 10 == 0) {
            frac /= 10;
            width--;
        }
        sb.append('.');
        String f = Long.toString(frac);
        for (int i = f.length(); i < width; i++) {
            sb.append('0');
        }
        sb.append(f);
    }

    static String text(double v) {
        StringBuilder sb = new StringBuilder();
        append(sb, v);
        return sb.toString();
    }
}
