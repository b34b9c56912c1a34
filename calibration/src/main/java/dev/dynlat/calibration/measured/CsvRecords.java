package dev.dynlat.calibration.measured;

import dev.dynlat.operators.input.Utf8Text;
import java.io.BufferedReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads an RFC 4180 CSV file record by record: fields in double quotes may hold commas, semicolons,
 * doubled quotes and line breaks (NeuSight's kernel names and kernel lists do). A file whose name ends
 * in {@code .gz}, or that starts with the gzip magic bytes, is decompressed on the fly. Each record
 * knows the line it starts on, so every message can name {@code file:line}. Not thread-safe.
 */
public final class CsvRecords implements AutoCloseable {
    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    private final Path file;
    private final Reader in;
    private long line = 1;
    private int pushedBack = -2;

    /** One record: its fields in order and the 1-based line it starts on. */
    public record Record(long line, List<String> fields) {
        public Record {
            fields = List.copyOf(fields);
        }
    }

    private CsvRecords(Path file, Reader in) {
        this.file = file;
        this.in = in;
    }

    /**
     * Opens {@code file}, plain or gzipped.
     *
     * @throws MeasurementInputException when the file is missing, a directory or unreadable
     */
    public static CsvRecords open(Path file) {
        if (Files.isDirectory(file)) {
            throw new MeasurementInputException(file + ": is a directory, not a measurement file");
        }
        try {
            InputStream body = body(file);
            var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            return new CsvRecords(file, new BufferedReader(new InputStreamReader(body, decoder), 1 << 16));
        } catch (NoSuchFileException e) {
            throw new MeasurementInputException(file + ": cannot read: no such file");
        } catch (IOException e) {
            throw new MeasurementInputException(file + ": cannot read: " + e.getMessage());
        }
    }

    /** The file's bytes, decompressed when it is gzipped. */
    private static InputStream body(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int b1 = raw.read();
        int b2 = raw.read();
        raw.reset();
        return b1 == GZIP_MAGIC_1 && b2 == GZIP_MAGIC_2 ? new GZIPInputStream(raw, 1 << 16) : raw;
    }

    /** The file being read, for messages. */
    public Path file() {
        return file;
    }

    /**
     * The next record, or null at the end of the file. Blank lines between records are skipped.
     *
     * @throws MeasurementInputException naming {@code file:line} for an unterminated quote, text after a
     *     closing quote, bytes that are not UTF-8 or a read error
     */
    public Record next() {
        try {
            return read();
        } catch (CharacterCodingException e) {
            // The reader decodes ahead of the record being read: the byte is found by reading again.
            throw new MeasurementInputException(file + ": " + notUtf8Reason());
        } catch (IOException e) {
            throw new MeasurementInputException(file + ":" + line + ": cannot read: " + e.getMessage());
        }
    }

    private String notUtf8Reason() {
        try (InputStream again = body(file)) {
            return Utf8Text.firstProblem(again).orElse("cannot read: it changed while it was read");
        } catch (IOException e) {
            return "cannot read: " + e.getMessage();
        }
    }

    private Record read() throws IOException {
        int c = nextChar();
        while (c == '\n' || c == '\r') {
            c = nextChar();
        }
        if (c < 0) {
            return null;
        }
        long start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean afterQuote = false;
        while (true) {
            if (quoted) {
                if (c < 0) {
                    throw new MeasurementInputException(file + ":" + start + ": a quoted field is not closed");
                }
                if (c == '"') {
                    int d = nextChar();
                    if (d == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        afterQuote = true;
                        c = d;
                        continue;
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c < 0 || c == '\n' || c == '\r') {
                fields.add(field.toString());
                if (c == '\r') {
                    int d = nextChar();
                    if (d != '\n') {
                        pushedBack = d;
                    }
                }
                return new Record(start, fields);
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
            } else if (afterQuote) {
                throw new MeasurementInputException(file + ":" + line + ": text after a closing quote");
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else {
                field.append((char) c);
            }
            c = nextChar();
        }
    }

    private int nextChar() throws IOException {
        int c;
        if (pushedBack != -2) {
            c = pushedBack;
            pushedBack = -2;
        } else {
            c = in.read();
        }
        if (c == '\n') {
            line++;
        }
        return c;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // Nothing was written through this reader; a failed close loses nothing.
        }
    }
}
