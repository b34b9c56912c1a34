package dev.dynlat.calibration.measured;

import java.nio.file.Path;
import java.util.List;

/**
 * dynlat's own {@code raw-samples.csv} of a device run as a {@link MeasurementSource}: recognised by its
 * exact header, read by {@link RawSamplesSource} (one operator per case, the median of its usable rounds).
 */
final class RawSamplesLayout implements MeasurementSource {

    @Override
    public String layout() {
        return "dynlat raw-samples.csv (" + String.join(",", RawSamplesSource.HEADER) + ")";
    }

    @Override
    public boolean accepts(List<String> header) {
        return RawSamplesSource.HEADER.equals(header);
    }

    @Override
    public List<MeasuredOperator> read(Path file) {
        return RawSamplesSource.read(file);
    }
}
