package dev.dynlat.predictor.request;

import dev.dynlat.predictor.sweep.SweepResults;
import dev.dynlat.reports.chart.ChartFormat;
import dev.dynlat.reports.io.OutputDirectory;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The figures and tables of a paper from a spec sweep's results: which file, which target in it
 * (null: the first), the rate of the heatmap and breakdown (a fraction in [0, 1]), the figure
 * formats and PNG resolution (dots per inch), and the optional accuracy and measurement files.
 * Every flag rule is checked when the record is built, before anything is read or written.
 *
 * @param out the directory the figures and tables go to (created; an existing file is refused)
 */
public record ReportRequest(Path from, Path out, Set<ChartFormat> formats, int dpi, SweepResults.Selection selection,
                            String paradigm, double rate, Path accuracy, Path measured) {
    public static final int MIN_DPI = 36;
    public static final int MAX_DPI = 1200;

    public ReportRequest {
        formats = Collections.unmodifiableSet(new LinkedHashSet<>(formats));
        if (dpi < MIN_DPI || dpi > MAX_DPI) {
            throw new IllegalArgumentException("dpi: must be " + MIN_DPI + " to " + MAX_DPI + ", got " + dpi);
        }
        RateList.check("rate", rate);
        OutputDirectory.check("--out", out);
        if (selection.batch() != null && selection.batch() <= 0) {
            throw new IllegalArgumentException("batch: must be a positive integer, got " + selection.batch());
        }
    }

    /** Figure formats as typed ({@code png,svg,pdf}), in the order given. */
    public static Set<ChartFormat> formats(String text) {
        Set<ChartFormat> out = new LinkedHashSet<>();
        for (String part : text.split(",", -1)) {
            try {
                out.add(ChartFormat.fromFileName("x." + part.strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("format: unknown figure format '" + part.strip()
                        + "'; expected png, svg or pdf");
            }
        }
        return out;
    }
}
