package dev.dynlat.calibration.report;

import dev.dynlat.reports.io.OutputDirectory;
import dev.dynlat.reports.io.OutputPathException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The calibration report directory, checked before a run: writable (or creatable), and, unless
 * the user asked to append, free of an earlier run's report, so that {@code report.md} never
 * describes a different run than the samples beside it.
 */
public final class ReportDirectory {
    /** The raw samples of every run into this directory, one row per timed sample. */
    public static final String RAW_SAMPLES = "raw-samples.csv";
    /** Files whose presence marks an earlier calibration run. */
    static final List<String> RUN_FILES = List.of(RAW_SAMPLES, CalibrationReport.REPORT);

    private ReportDirectory() {
    }

    /**
     * @param append whether a new run may be added to an existing report (its raw samples carry run ids)
     * @return the directory as an absolute path
     * @throws OutputPathException naming the option and path when the directory cannot be used
     */
    public static Path check(String option, Path dir, boolean append) {
        Path resolved = OutputDirectory.check(option, dir);
        if (!append) {
            for (String f : RUN_FILES) {
                if (Files.exists(resolved.resolve(f))) {
                    throw new OutputPathException(option, dir, "it already holds a calibration report (" + f
                            + "); add --append to add this run to it, or choose an empty directory");
                }
            }
        }
        return resolved;
    }
}
