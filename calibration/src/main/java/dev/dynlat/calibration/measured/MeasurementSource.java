package dev.dynlat.calibration.measured;

import java.nio.file.Path;
import java.util.List;

/**
 * A layout of measurement files (NeuSight's collected-kernel CSV, dynlat's {@code raw-samples.csv})
 * that maps every row to a {@link MeasuredOperator}. {@link MeasurementSources} picks the source of a
 * file by its header.
 */
public interface MeasurementSource {

    /** Short name of the layout, for messages (e.g. {@code NeuSight kernel CSV}). */
    String layout();

    /** Whether a file with this header (column names in file order) is in this layout. */
    boolean accepts(List<String> header);

    /**
     * Every row of {@code file} as a timed operator, in file order.
     *
     * @throws MeasurementInputException naming {@code file:line}, the column and the value, for the first
     *     row that does not describe a timed operator
     */
    List<MeasuredOperator> read(Path file);
}
