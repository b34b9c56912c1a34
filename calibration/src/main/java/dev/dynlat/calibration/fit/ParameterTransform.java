package dev.dynlat.calibration.fit;

/**
 * Maps a bounded parameter {@code p} to an unbounded internal coordinate {@code u} and back, so
 * that an unconstrained optimizer can never leave the bounds.
 *
 * <ul>
 *   <li>{@code 0 < lo}, {@code hi} finite: logistic in log space,
 *       {@code ln p = ln lo + (ln hi - ln lo) * sigmoid(u)} — positive latency coefficients span
 *       orders of magnitude, so steps should be relative.</li>
 *   <li>{@code 0 < lo}, {@code hi = +inf}: {@code p = lo * (1 + e^u)}; with {@code lo = 0}:
 *       {@code p = e^u} (plain log transform).</li>
 *   <li>{@code lo <= 0}, both finite: logistic, {@code p = lo + (hi - lo) * sigmoid(u)}.</li>
 *   <li>{@code lo < 0} finite, {@code hi = +inf}: {@code p = lo + e^u};
 *       {@code lo = -inf}, {@code hi} finite: {@code p = hi - e^u}.</li>
 *   <li>both infinite: identity.</li>
 * </ul>
 * The bounds are reached only asymptotically (or by floating-point saturation), and results are
 * clamped to {@code [lo, hi]} to absorb rounding.
 */
final class ParameterTransform {

    private enum Kind { LOG_LOGISTIC, LOG_SHIFTED, LOG, LOGISTIC, LOWER_EXP, UPPER_EXP, IDENTITY }

    private final Kind kind;
    private final double lo;
    private final double hi;

    ParameterTransform(ParameterSpec spec) {
        this.lo = spec.lower();
        this.hi = spec.upper();
        boolean loFinite = Double.isFinite(lo);
        boolean hiFinite = Double.isFinite(hi);
        if (loFinite && hiFinite) {
            kind = lo > 0 ? Kind.LOG_LOGISTIC : Kind.LOGISTIC;
        } else if (loFinite) {
            kind = lo > 0 ? Kind.LOG_SHIFTED : lo == 0 ? Kind.LOG : Kind.LOWER_EXP;
        } else if (hiFinite) {
            kind = Kind.UPPER_EXP;
        } else {
            kind = Kind.IDENTITY;
        }
    }

    double toInternal(double p) {
        switch (kind) {
            case LOG_LOGISTIC:
                return logit((Math.log(p) - Math.log(lo)) / (Math.log(hi) - Math.log(lo)));
            case LOG_SHIFTED:
                return Math.log(p / lo - 1);
            case LOG:
                return Math.log(p);
            case LOGISTIC:
                return logit((p - lo) / (hi - lo));
            case LOWER_EXP:
                return Math.log(p - lo);
            case UPPER_EXP:
                return Math.log(hi - p);
            default:
                return p;
        }
    }

    double toExternal(double u) {
        double p;
        switch (kind) {
            case LOG_LOGISTIC:
                p = Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * sigmoid(u));
                break;
            case LOG_SHIFTED:
                p = lo * (1 + Math.exp(u));
                break;
            case LOG:
                p = Math.exp(u);
                break;
            case LOGISTIC:
                p = lo + (hi - lo) * sigmoid(u);
                break;
            case LOWER_EXP:
                p = lo + Math.exp(u);
                break;
            case UPPER_EXP:
                p = hi - Math.exp(u);
                break;
            default:
                p = u;
        }
        return Math.min(hi, Math.max(lo, p));
    }

    private static double sigmoid(double u) {
        return 1 / (1 + Math.exp(-u));
    }

    private static double logit(double x) {
        return Math.log(x / (1 - x));
    }
}
