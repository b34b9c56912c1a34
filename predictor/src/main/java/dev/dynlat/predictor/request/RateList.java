package dev.dynlat.predictor.request;

import dev.dynlat.operators.input.DecimalText;
import dev.dynlat.operators.input.InputBounds;
import java.util.ArrayList;
import java.util.List;

/** Activation rates as typed: a list ({@code 0.25,0.5}) or a range ({@code start:stop:step}), each in [0, 1]. */
public final class RateList {
    /** The most rates one range may give: a bound on the work one request can ask for. */
    public static final int MAX_RATES = InputBounds.RATES.max();

    private RateList() {
    }

    /** "0.25,0.5" or "start:stop:step" (inclusive, rounded to 1e-9 so 0.1 steps land on 1.0). */
    public static double[] parse(String text) {
        List<Double> values = new ArrayList<>();
        if (text.contains(":")) {
            String[] p = text.split(":", -1);
            if (p.length != 3) {
                throw new IllegalArgumentException("rates: expected start:stop:step, got '" + text + "'");
            }
            double start = number(p[0]);
            double stop = number(p[1]);
            double step = number(p[2]);
            if (!(step > 0)) {
                throw new IllegalArgumentException("rates: step must be positive, got " + p[2]);
            }
            long n = (long) Math.floor((stop - start) / step + 1e-9) + 1;
            if (n < 1 || n > MAX_RATES) {
                throw new IllegalArgumentException("rates: '" + text + "' gives " + Math.max(n, 0) + " rates; expected 1 to "
                        + MAX_RATES);
            }
            for (long i = 0; i < n; i++) {
                values.add(Math.round((start + i * step) * 1e9) / 1e9);
            }
        } else {
            for (String s : text.split(",", -1)) {
                values.add(number(s));
            }
        }
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            double r = values.get(i);
            if (!(r >= 0 && r <= 1)) {
                throw new IllegalArgumentException("rates: must be in [0, 1], got " + r);
            }
            out[i] = r;
        }
        return out;
    }

    /** A single rate option in [0, 1] (null: not given). */
    public static Double check(String field, Double r) {
        if (r != null && !(r >= 0 && r <= 1)) {
            throw new IllegalArgumentException(field + ": must be in [0, 1], got " + r);
        }
        return r;
    }

    private static double number(String s) {
        if (!DecimalText.isDecimal(s.strip())) {
            throw new IllegalArgumentException("rates: '" + s.strip() + "' is not a number");
        }
        return DecimalText.parse(s.strip());
    }
}
