package dev.dynlat.operators.input;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a UTF-8 text file one line at a time, for inputs that may be far larger than memory
 * should hold (per-input decision files of millions of rows): only the current line is kept.
 * Problems are {@link InputFileException}s in the one-line form of {@link InputFiles}: a missing
 * file or directory with the operating system's reason, bytes that are not UTF-8 with their
 * offset and line, and a line longer than {@link InputBounds#LINE_BYTES}. A leading byte-order
 * mark is dropped and a line may end in CR LF.
 */
public final class TextLines implements Closeable {
    private final String option;
    private final Path path;
    private final InputStream in;
    private byte[] line = new byte[256];
    private long offset;
    private int number;

    private TextLines(String option, Path path, InputStream in) {
        this.option = option;
        this.path = path;
        this.in = in;
    }

    /**
     * Opens {@code path}, the value of {@code option} (e.g. {@code --decisions}).
     *
     * @throws InputFileException when the file cannot be opened
     */
    public static TextLines open(String option, Path path) {
        if (Files.isDirectory(path)) {
            throw new InputFileException(option, path, "it is a directory, not a file");
        }
        try {
            return new TextLines(option, path, new BufferedInputStream(Files.newInputStream(path), 1 << 16));
        } catch (IOException e) {
            throw new InputFileException(option, path, InputFiles.reason(e));
        }
    }

    /** The 1-based number of the line last returned by {@link #next()}. */
    public int lineNumber() {
        return number;
    }

    /**
     * The next line without its line ending, or null at the end of the file.
     *
     * @throws InputFileException on a read error, bytes that are not UTF-8 or an overlong line
     */
    public String next() {
        long start = offset;
        int n = 0;
        int b;
        try {
            while ((b = in.read()) != -1) {
                offset++;
                if (b == '\n') {
                    break;
                }
                if (n == InputBounds.LINE_BYTES) {
                    throw new InputFileException(option, path, "line " + (number + 1) + " is longer than "
                            + InputBounds.LINE_BYTES + " bytes");
                }
                if (n == line.length) {
                    line = Arrays.copyOf(line, Math.min(line.length * 2, InputBounds.LINE_BYTES));
                }
                line[n++] = (byte) b;
            }
        } catch (IOException e) {
            throw new InputFileException(option, path, InputFiles.reason(e));
        }
        if (n == 0 && offset == start) {
            return null;
        }
        number++;
        int from = number == 1 && n >= 3 && (line[0] & 0xff) == 0xEF && (line[1] & 0xff) == 0xBB
                && (line[2] & 0xff) == 0xBF ? 3 : 0;
        int to = n > from && line[n - 1] == '\r' ? n - 1 : n;
        return decode(start, from, to);
    }

    private String decode(long start, int from, int to) {
        boolean ascii = true;
        for (int i = from; i < to && ascii; i++) {
            ascii = line[i] >= 0;
        }
        if (ascii) {
            // The common case, one allocation: a file of millions of short lines makes little garbage.
            return new String(line, from, to - from, StandardCharsets.ISO_8859_1);
        }
        return Utf8Text.decode(option, path, line, from, to, start, number);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // Read-only: nothing is lost when closing fails.
        }
    }
}
