package dev.dynlat.operators.profile;

/**
 * The provenance of a calibrated profile: the base profile's own account (datasheet, sources) and
 * one clause on how its present calibrated terms were obtained. A profile is recalibrated from its
 * previous calibrated self (the built-in profiles are regenerated that way), so a new clause
 * replaces the earlier ones instead of piling up behind them.
 */
public final class CalibrationProvenance {
    /** How every calibration clause starts; {@link #after} removes them from a base provenance. */
    static final String[] CLAUSE_STARTS = {"; calibrated by dynlat calibrate", "; GPU library terms transferred from"};

    private CalibrationProvenance() {
    }

    /** {@code base} without its calibration clauses, followed by {@code clause} (which starts with "; "). */
    public static String after(String base, String clause) {
        int cut = base.length();
        for (String start : CLAUSE_STARTS) {
            int at = base.indexOf(start);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        return base.substring(0, cut) + clause;
    }
}
