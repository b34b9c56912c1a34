package dev.dynlat.calibration.report;

import java.util.List;

/**
 * What one calibration run wrote to {@code raw-samples.csv}, as the report states it.
 *
 * @param runId the run id in every row of this run
 * @param rows sample rows this run appended (every round, re-measurement and speed-reference run)
 * @param previousRows rows the file held before this run
 * @param previousRuns run ids of those rows, in order
 */
public record RawSampleSummary(String runId, long rows, long previousRows, List<String> previousRuns) {
    public RawSampleSummary {
        previousRuns = List.copyOf(previousRuns);
    }
}
