package dev.dynlat.operators.spec;

/**
 * One of the two schedules of a spatial masker ({@link SpatialMaskerSpec}), as its own operator
 * so that each schedule is costed and cached apart: {@code FUSED} (the mask channel added to a
 * dense conv1; independent of the rate, so the rate is normalised to 1) or {@code SEPARATE} (a
 * mask conv, then conv1 on the active patches). Counts no MACs of its own: the masker does.
 */
public record MaskerScheduleSpec(SpatialMaskerSpec masker, Schedule schedule) implements OperatorSpec {
    /** How the masker runs next to conv1. */
    public enum Schedule {
        FUSED, SEPARATE
    }

    public MaskerScheduleSpec {
        if (masker == null || schedule == null) {
            throw new IllegalArgumentException("masker schedule: masker and schedule must be given, got "
                    + masker + ", " + schedule);
        }
        if (schedule == Schedule.FUSED) {
            masker = masker.atRate(1);
        }
    }

    @Override
    public String kind() {
        return "spatial-masker";
    }

    @Override
    public double macsPerSample() {
        return 0;
    }
}
