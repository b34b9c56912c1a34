package dev.dynlat.calibration.measured;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The registry of measurement layouts: reads any measurement file by asking each registered
 * {@link MeasurementSource}, in order, whether it accepts the file's header.
 */
public final class MeasurementSources {
    /** Every known layout, first match wins. A new layout is one more entry here. */
    static final List<MeasurementSource> SOURCES = List.of(new NeuSightCsv(), new RawSamplesLayout());

    private MeasurementSources() {
    }

    /** The registered layouts. */
    public static List<MeasurementSource> all() {
        return SOURCES;
    }

    /**
     * The source whose layout {@code file}'s header is in.
     *
     * @throws MeasurementInputException when the file is missing, empty or of no known layout
     */
    public static MeasurementSource sourceOf(Path file) {
        List<String> header;
        try (CsvRecords csv = CsvRecords.open(file)) {
            CsvRecords.Record first = csv.next();
            if (first == null) {
                throw new MeasurementInputException(file + ": empty file (expected a CSV header of "
                        + layouts() + ")");
            }
            header = first.fields().stream().map(String::strip).toList();
        }
        for (MeasurementSource s : SOURCES) {
            if (s.accepts(header)) {
                return s;
            }
        }
        String shown = String.join(",", header);
        throw new MeasurementInputException(file + ":1: unknown measurement layout (header '"
                + (shown.length() > 120 ? shown.substring(0, 120) + "…" : shown) + "'); expected " + layouts());
    }

    /** Every row of {@code file}, read by the source of its layout. */
    public static List<MeasuredOperator> read(Path file) {
        return sourceOf(file).read(file);
    }

    /** Every row of every file, in the order given. Each file is checked before any is read in full. */
    public static List<MeasuredOperator> readAll(List<Path> files) {
        List<MeasurementSource> sources = new ArrayList<>();
        for (Path f : files) {
            sources.add(sourceOf(f));
        }
        List<MeasuredOperator> out = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            out.addAll(sources.get(i).read(files.get(i)));
        }
        return out;
    }

    private static String layouts() {
        return SOURCES.stream().map(MeasurementSource::layout).collect(Collectors.joining(" or "));
    }
}
