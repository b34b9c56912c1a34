package dev.dynlat.calibration.protocol;

import dev.dynlat.operators.input.TextLines;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Appends every raw timed sample to a CSV file, one line per sample:
 * {@code [run,]<key columns...>,attempt,sample,seconds}. Opened with a run id, every row starts
 * with it, so the rows of several runs appended to one file stay apart.
 *
 * <p>The file is flushed after each measurement so that an interrupted calibration run keeps
 * everything measured so far. Re-opening an existing file appends to it, after checking that its
 * header is the one this writer would produce (mixing layouts would corrupt the data set).
 * {@code attempt} and {@code sample} are 0-based; {@code seconds} is written with
 * {@link Double#toString(double)}, which round-trips exactly.
 */
public final class RawSampleCsv implements Closeable {

    /** Columns written after the caller's key columns. */
    public static final List<String> SAMPLE_COLUMNS = List.of("attempt", "sample", "seconds");

    /** Leading column of files opened with a run id. */
    public static final String RUN_COLUMN = "run";

    private final Writer out;
    private final List<String> keyColumns;
    private final String runId;
    private final Path file;
    private final long previousRows;
    private final Set<String> previousRuns;
    private long rowsWritten;

    private RawSampleCsv(Writer out, List<String> keyColumns, String runId, Path file, long previousRows,
                         Set<String> previousRuns) {
        this.out = out;
        this.keyColumns = keyColumns;
        this.runId = runId;
        this.file = file;
        this.previousRows = previousRows;
        this.previousRuns = previousRuns;
    }

    /** As {@link #open(Path, List, String)} without a run column. */
    public static RawSampleCsv open(Path file, List<String> keyColumns) throws IOException {
        return open(file, keyColumns, null);
    }

    /**
     * Opens {@code file} for appending, writing the header when the file is new or empty.
     *
     * @param keyColumns names of the columns that identify a configuration (e.g. operator, shape)
     * @param runId      written as the first column of every row; null for no run column
     * @throws IllegalArgumentException when an existing file has a different header, or already
     *                                  holds rows of {@code runId}
     */
    public static RawSampleCsv open(Path file, List<String> keyColumns, String runId) throws IOException {
        Objects.requireNonNull(file, "file");
        List<String> keys = List.copyOf(keyColumns);
        for (String k : keys) {
            if (SAMPLE_COLUMNS.contains(k) || RUN_COLUMN.equals(k)) {
                throw new IllegalArgumentException("key column name clashes with a sample column: " + k);
            }
        }
        List<String> header = new ArrayList<>();
        if (runId != null) {
            if (runId.isEmpty() || !runId.equals(csvLine(List.of(runId)))) {
                throw new IllegalArgumentException("run id must be non-empty and need no CSV quoting: " + runId);
            }
            header.add(RUN_COLUMN);
        }
        header.addAll(keys);
        header.addAll(SAMPLE_COLUMNS);
        String headerLine = csvLine(header);
        boolean hasContent = Files.exists(file) && Files.size(file) > 0;
        long rows = 0;
        Set<String> runs = new LinkedHashSet<>();
        if (hasContent) {
            // The report's own file, but edited or damaged ones are refused with the one reason.
            try (TextLines r = TextLines.open("--report", file)) {
                String existing = r.next();
                if (!headerLine.equals(existing)) {
                    throw new IllegalArgumentException("existing file " + file + " has header '" + existing
                            + "', expected '" + headerLine + "'");
                }
                for (String line = r.next(); line != null; line = r.next()) {
                    rows++;
                    if (runId != null) {
                        runs.add(line.substring(0, Math.max(0, line.indexOf(','))));
                    }
                }
            }
            if (runs.contains(runId)) {
                throw new IllegalArgumentException("existing file " + file + " already has rows of run " + runId);
            }
        }
        Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        if (!hasContent) {
            w.write(headerLine);
            w.write('\n');
            w.flush();
        }
        return new RawSampleCsv(w, keys, runId, file, rows, Collections.unmodifiableSet(runs));
    }

    /** The run id in every row written by this writer; null when the file has no run column. */
    public String runId() {
        return runId;
    }

    /** The file written. */
    public Path file() {
        return file;
    }

    /** Sample rows this writer appended (header excluded). */
    public long rowsWritten() {
        return rowsWritten;
    }

    /** Sample rows the file held when it was opened. */
    public long previousRows() {
        return previousRows;
    }

    /** Run ids of the rows the file held when it was opened, in order of appearance. */
    public Set<String> previousRuns() {
        return previousRuns;
    }

    /** Names of the caller's key columns, in order. */
    public List<String> keyColumns() {
        return keyColumns;
    }

    /**
     * Writes one line per raw sample of {@code m} (all attempts) and flushes.
     *
     * @param keyValues values for the key columns, same order and count as {@link #keyColumns()}
     */
    public void append(List<String> keyValues, Measurement m) throws IOException {
        if (keyValues.size() != keyColumns.size()) {
            throw new IllegalArgumentException("expected " + keyColumns.size() + " key values "
                    + keyColumns + ", got " + keyValues.size() + " " + keyValues);
        }
        // Build all lines first so a measurement is written as one block.
        StringBuilder block = new StringBuilder();
        List<String> fields = new ArrayList<>(keyValues.size() + SAMPLE_COLUMNS.size() + 1);
        long rows = 0;
        for (int a = 0; a < m.samplesS().size(); a++) {
            List<Double> attempt = m.samplesS().get(a);
            for (int i = 0; i < attempt.size(); i++) {
                fields.clear();
                if (runId != null) {
                    fields.add(runId);
                }
                fields.addAll(keyValues);
                fields.add(Integer.toString(a));
                fields.add(Integer.toString(i));
                fields.add(Double.toString(attempt.get(i)));
                block.append(csvLine(fields)).append('\n');
                rows++;
            }
        }
        out.write(block.toString());
        out.flush();
        rowsWritten += rows;
    }

    /**
     * A listener that appends each measurement, deriving the key column values from the
     * measurement's key. I/O failures surface as {@link UncheckedIOException}, which stops the
     * batch: measuring on without persisting would lose data silently.
     */
    public MeasurementListener asListener(Function<String, List<String>> keyValuesOf) {
        Objects.requireNonNull(keyValuesOf, "keyValuesOf");
        return (m, done, total) -> {
            try {
                append(keyValuesOf.apply(m.key()), m);
            } catch (IOException e) {
                throw new UncheckedIOException("could not append raw samples of " + m.key(), e);
            }
        };
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    static String csvLine(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(escape(Objects.requireNonNull(fields.get(i), "CSV field")));
        }
        return sb.toString();
    }

    /** RFC 4180 quoting: only fields with a comma, quote or line break are quoted. */
    private static String escape(String field) {
        boolean needsQuotes = field.indexOf(',') >= 0 || field.indexOf('"') >= 0
                || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0;
        if (!needsQuotes) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
