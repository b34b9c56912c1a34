package dev.dynlat.operators.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CalibrationProvenanceTest {
    private static final String DATASHEET = "datasheet-derived: NVIDIA's figures";

    @Test
    void aFirstCalibrationAppendsItsClause() {
        assertEquals(DATASHEET + "; calibrated by dynlat calibrate --from-measurements (3 rows)",
                CalibrationProvenance.after(DATASHEET, "; calibrated by dynlat calibrate --from-measurements (3 rows)"));
    }

    @Test
    void aRecalibrationReplacesEveryEarlierClauseOfEitherKind() {
        String twice = DATASHEET + "; calibrated by dynlat calibrate --from-measurements (3 rows; a; b)"
                + "; GPU library terms transferred from T4 by dynlat calibrate --transfer-from (x)"
                + "; calibrated by dynlat calibrate --from-measurements (4 rows)";
        assertEquals(DATASHEET + "; GPU library terms transferred from V100 (y)",
                CalibrationProvenance.after(twice, "; GPU library terms transferred from V100 (y)"));
        assertEquals(DATASHEET + "; calibrated by dynlat calibrate --from-measurements (5 rows)",
                CalibrationProvenance.after(twice, "; calibrated by dynlat calibrate --from-measurements (5 rows)"));
    }
}
